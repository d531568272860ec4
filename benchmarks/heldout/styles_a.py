"""Generate a held-out set of scraped Persian news pages in six NEW site styles.

Writes cases/raw/<id>.txt and cases/gold/<id>.json next to this script, in the
format of ../shared/cases/dev (see ../shared/eval/score.py).

Styles (none is a copy of a dev style): tasnim, isna, khabaronline, entekhab,
yjc, zoomit.  Article texts come from ../shared/corpus/*.jsonl; related /
most-viewed headlines are titles (and teaser leads) of *other* corpus articles.

Needs jdatetime (run with .venv/bin/python).  Deterministic: the RNG
is seeded, so running it twice gives byte-identical files.

Usage: make.py [--out DIR] [--seed N]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import re
import shutil
import unicodedata
from pathlib import Path
from zoneinfo import ZoneInfo

import jdatetime

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
TEHRAN = ZoneInfo("Asia/Tehran")
STYLES = ["tasnim", "isna", "khabaronline", "entekhab", "yjc", "zoomit"]
PER_STYLE = 10

# ---------------------------------------------------------------- folding (= score.py)
FOLD = str.maketrans({
    "ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "أ": "ا", "إ": "ا",
    "ٱ": "ا", "ؤ": "و", "\u0640": None,
    **{chr(0x06F0 + i): str(i) for i in range(10)},
    **{chr(0x0660 + i): str(i) for i in range(10)},
})


def fold(text: str | None) -> str:
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).translate(FOLD)
    return "".join(ch for ch in text if ch.isalnum()).lower()


# ---------------------------------------------------------------- digits & dates
FA = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
MONTHS = ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
          "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"]
WEEKDAYS = ["شنبه", "یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه"]
G_MONTHS_FA = ["ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت",
               "سپتامبر", "اکتبر", "نوامبر", "دسامبر"]
G_MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July",
               "August", "September", "October", "November", "December"]
EN_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
H_MONTHS = ["محرم", "صفر", "ربیع‌الاول", "ربیع‌الثانی", "جمادی‌الاول", "جمادی‌الثانی",
            "رجب", "شعبان", "رمضان", "شوال", "ذی‌القعده", "ذی‌الحجه"]


def fa(s) -> str:
    return str(s).translate(FA)


class When:
    """One publication instant (Tehran wall clock) with its Jalali form."""

    def __init__(self, g: dt.datetime):
        self.g = g.replace(tzinfo=TEHRAN)
        self.j = jdatetime.datetime.fromgregorian(datetime=g)

    def iso(self, with_time=True) -> str:
        if not with_time:
            return self.g.date().isoformat()
        off = self.g.utcoffset()
        mins = int(off.total_seconds() // 60)
        sign = "+" if mins >= 0 else "-"
        mins = abs(mins)
        return self.g.strftime("%Y-%m-%dT%H:%M:%S") + f"{sign}{mins // 60:02d}:{mins % 60:02d}"

    @property
    def weekday(self) -> str:
        return WEEKDAYS[self.j.weekday()]

    @property
    def month(self) -> str:
        return MONTHS[self.j.month - 1]


def random_when(rng: random.Random) -> When:
    while True:
        jy = rng.randint(1385, 1403)
        jm = rng.randint(1, 12)
        jd = rng.randint(1, 31 if jm <= 6 else 30 if jm < 12 else 29)
        # keep clear of the DST switch days (ambiguous / skipped wall-clock hours)
        if (jm == 1 and jd <= 2) or (jm == 6 and jd >= 30):
            continue
        g = jdatetime.date(jy, jm, jd).togregorian()
        t = dt.datetime(g.year, g.month, g.day, rng.randint(0, 23), rng.randint(0, 59))
        if t > dt.datetime(2024, 12, 31):
            continue
        return When(t)


def islamic(gdate: dt.date) -> tuple[int, int, int]:
    """Tabular Islamic calendar (what many sites print in their header strip)."""
    jd = gdate.toordinal() + 1721424.5

    def to_jd(y, m, d):
        return d + math.ceil(29.5 * (m - 1)) + (y - 1) * 354 + (3 + 11 * y) // 30 + 1948439.5 - 1

    jd = math.floor(jd) + 0.5
    y = math.floor((30 * (jd - 1948439.5) + 10646) / 10631)
    m = min(12, math.ceil((jd - (29 + to_jd(y, 1, 1))) / 29.5) + 1)
    d = int(jd - to_jd(y, m, 1)) + 1
    return y, m, d


def header_clock(rng: random.Random, crawl: When, kind: str) -> str:
    j, g = crawl.j, crawl.g
    hy, hm, hd = islamic(g.date())
    jal = f"{crawl.weekday} {fa(j.day)} {crawl.month} {fa(j.year)}"
    hij = f"{fa(hd)} {H_MONTHS[hm - 1]} {fa(hy)}"
    gre = f"{fa(g.day)} {G_MONTHS_FA[g.month - 1]} {fa(g.year)}"
    if kind == "tasnim":
        return f"امروز - {jal} - {hij} - {gre}"
    if kind == "isna":
        return f"{EN_WEEKDAYS[g.weekday()]} {g.day:02d} {G_MONTHS_EN[g.month - 1]} {g.year}"
    if kind == "khabaronline":
        return f"امروز: {crawl.weekday}، {fa(j.day)} {crawl.month} {fa(j.year)}"
    if kind == "entekhab":
        return (f"{crawl.weekday.replace('‌', ' ')} {j.day} {crawl.month} {j.year}"
                f" - {g.day:02d} {G_MONTHS_FA[g.month - 1]} {g.year} - {hd} {H_MONTHS[hm - 1]} {hy}")
    if kind == "yjc":
        return f"{jal} - {EN_WEEKDAYS[g.weekday()]} {g.day:02d} {G_MONTHS_EN[g.month - 1]} {g.year}"
    return f"امروز {jal}"


# ---------------------------------------------------------------- corpus
END_MARK = re.compile(r"^\s*(انتهای|انتهاي)\s*(پیام|پيام|يام|متن)")
CREDIT = re.compile(r"^\s*(منبع|عکس|عکس‌ها|عکس ها|خبرنگار|گزارش|نویسنده|ترجمه)\s*[:：]")


def load_corpus():
    arts = []
    for name, origin in (("farsnews.jsonl", "fars"), ("varzesh3.jsonl", "v3")):
        for line in (CORPUS / name).read_text(encoding="utf-8").splitlines():
            a = json.loads(line)
            paras = [l.strip() for p in a["paragraphs"] for l in p.splitlines() if l.strip()]
            while paras and (END_MARK.match(paras[-1]) or CREDIT.match(paras[-1])):
                paras.pop()
            paras = [p for p in paras if not END_MARK.match(p)]
            a = {"title": " ".join(a["title"].split()), "lead": " ".join((a.get("lead") or "").split()),
                 "paras": paras, "tags": [t.strip() for t in a.get("tags") or [] if t.strip()],
                 "origin": origin}
            arts.append(a)
    return arts


def usable(a) -> bool:
    words = sum(len(p.split()) for p in a["paras"])
    return (2 <= len(a["paras"]) <= 14 and 60 <= words <= 1400 and len(a["title"].split()) >= 3
            and a["lead"] and not any(p in ("پی نوشت:", "منابع و مآخذ") for p in a["paras"]))


SPEAKER = re.compile(r"^(.{12,90}?)\s+(با بیان|بابیان|با اشاره|گفت|معتقد است|اعلام کرد|در گفت‌وگو|در گفتگو|"
                     r"در پاسخ|تصریح کرد|اظهار|تاکید کرد|خبر داد)")


def derive_surtitle(a) -> str | None:
    """A روتیتر as editors write it: who speaks, taken from the lead."""
    m = SPEAKER.match(a["lead"])
    if not m:
        return None
    s = m.group(1).strip(" ،,:")
    if len(s.split()) < 2 or len(s.split()) > 12 or any(c in s for c in "«\":："):
        return None
    return s


# ---------------------------------------------------------------- vocab
NAMES = ["مریم رضایی", "علی محمدی", "زهرا کریمی", "حسین احمدی", "سارا نوروزی", "مهدی جعفری",
         "نرگس صادقی", "امیر حسینی", "فاطمه موسوی", "رضا قاسمی", "الهام طاهری", "محمدرضا یزدانی",
         "نیلوفر شریفی", "سعید کاظمی", "پریسا رحیمی", "بهزاد عباسی"]
SECTIONS = {
    "fars": [("سیاسی", "مجلس"), ("اجتماعی", "آموزش"), ("اقتصادی", "بازار"), ("فرهنگی", "کتاب"),
             ("استان‌ها", "خراسان جنوبی"), ("بین‌الملل", "غرب آسیا"), ("اجتماعی", "سلامت")],
    "v3": [("ورزشی", "فوتبال ایران"), ("ورزشی", "فوتبال جهان"), ("ورزشی", "والیبال"),
           ("ورزشی", "کشتی و وزنه‌برداری"), ("ورزشی", "سایر ورزش‌ها")],
}
SOURCE_NAMES = {"fars": ["خبرگزاری فارس", "فارس"], "v3": ["ورزش سه", "ورزش۳"]}


def news_line_split(rng, p):
    """Split one paragraph as a scraper does at inline links: 'به گزارش' / 'X' / '، ...'."""
    m = re.match(r"^(به گزارش)\s+(.{3,60}?)\s*(،.*)$", p)
    if m:
        return [m.group(1), m.group(2), m.group(3)]
    w = p.split(" ")
    if len(w) < 12:
        return [p]
    a = rng.randint(3, len(w) - 6)
    b = a + rng.randint(1, 3)
    return [" ".join(w[:a]), " ".join(w[a:b]), " ".join(w[b:])]


def sentences(p):
    parts = [s for s in re.split(r"(?<=[.!؟?])\s+", p) if s.strip()]
    return parts or [p]


# ---------------------------------------------------------------- page builder
class Page:
    def __init__(self):
        self.lines: list[tuple[str, str]] = []   # (text, kind)

    def bp(self, *texts, kind="bp"):
        for t in texts:
            self.lines.append((t, kind))

    def menu(self, items):
        self.bp(*items, kind="menu")

    def art(self, *texts):
        for t in texts:
            self.lines.append((t, "art"))

    def meta(self, t, kind):
        self.lines.append((t, kind))


def body_lines(rng, a, opts):
    """The article paragraphs as the scraper saved them (list of lists of lines)."""
    out = []
    link_done = False
    for i, p in enumerate(a["paras"]):
        if opts["fragments"] and not link_done and (p.startswith("به گزارش") or (i and rng.random() < 0.3)):
            lines = news_line_split(rng, p)
            link_done = len(lines) > 1
        elif opts["sentences"]:
            lines = sentences(p)
        else:
            lines = [p]
        out.append([l.strip() for l in lines if l.strip()])
    return out


def headlines(rng, pool, n, teaser=False):
    picks = rng.sample(pool, n)
    out = []
    for h in picks:
        out.append(h["title"])
        if teaser:
            out.append(h["lead"])
    return out


def short_id(rng, n=5):
    return "".join(rng.choice("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(n))


def comment_block(rng, site):
    rules = [
        f"نظرات حاوی توهین، تهمت یا مطالب خلاف قوانین کشور توسط {site} منتشر نمی‌شود.",
        "لطفا از نوشتن نظرات خود به صورت حروف لاتین (فینگلیش) خودداری نمایید.",
        "نظراتی که به غیر از زبان فارسی یا غیر مرتبط با خبر باشد منتشر نمی‌شود.",
        "از ارسال پیام‌های تکراری و تبلیغاتی خودداری کنید.",
    ]
    return rules[: rng.randint(2, 4)]


def build(rng, style, a, pool, when, crawl, opts):
    """Return (Page, gold-metadata dict)."""
    pg = Page()
    origin = a["origin"]
    sec, sub = rng.choice(SECTIONS[origin])
    title, lead = a["title"], a["lead"]
    sur = None
    if opts["surtitle_ok"]:
        # who speaks (from the lead), else the topic kicker editors put above a headline
        kickers = [t for t in a["tags"] if len(t.split()) >= 2]
        sur = derive_surtitle(a) or (kickers[0] if kickers else None)
    tags = a["tags"][: rng.randint(2, 6)] if a["tags"] else []
    body = body_lines(rng, a, opts)
    whole = not opts["article_only"]
    gold = {"title": title, "surtitle": sur, "published": None, "news_id": None, "tags": []}
    reporter = rng.choice(NAMES)
    hl_pool = pool
    nid = None

    def emit_body(more=None):
        for k, chunk in enumerate(body):
            pg.art(*chunk)
            if more and k == more[0]:
                more[1]()

    if style == "tasnim":
        nid = str(rng.randint(1_000_000, 3_200_000))
        pdate = f"{fa(when.j.day)} {when.month} {fa(when.j.year)} - {fa(when.j.strftime('%H:%M'))}"
        if rng.random() < 0.4:
            pdate = f"{when.weekday} {pdate}"
        if whole:
            pg.bp("خبرگزاری تسنیم", "Tasnim News Agency")
            pg.bp(header_clock(rng, crawl, "tasnim"))
            pg.menu(["صفحه اول", "سیاسی", "اقتصادی", "ورزشی", "اجتماعی", "فرهنگی", "بین‌الملل",
                     "استان‌ها", "رسانه‌ها", "عکس", "فیلم", "گرافیک و کاریکاتور", "بازار", "English",
                     "عربی", "Türkçe", "آرشیو", "ورود"][: rng.randint(12, 18)])
            pg.bp(f"{sec} > {sub}")
        pg.meta(pdate, "date")
        if sur:
            pg.meta(sur, "sur")
        pg.meta(title, "title")
        if opts["lead"]:
            pg.art(lead)
        if whole and rng.random() < 0.6:
            pg.bp(f"عکس: {rng.choice(['تسنیم', 'آرشیو', reporter])}")
        emit_body()
        pg.bp("انتهای پیام/")
        if tags:
            if rng.random() < 0.5:
                pg.bp("برچسب ها:")
                pg.bp(*tags)
            else:
                pg.bp("برچسب ها: " + " ، ".join(tags))
            gold["tags"] = tags
        pg.bp(f"کد خبر: {fa(nid) if rng.random() < 0.5 else nid}")
        if whole:
            pg.bp("لینک کوتاه", f"https://tn.ai/{nid}", "کپی شد")
            pg.bp("اشتراک گذاری", "اخبار مرتبط")
            pg.bp(*headlines(rng, hl_pool, rng.randint(3, 5)))
            pg.bp("پربیننده‌ترین اخبار " + ("ورزشی" if origin == "v3" else "اجتماعی"))
            pg.bp(*headlines(rng, hl_pool, rng.randint(4, 6)))
            pg.bp("ارسال نظر", "نام", "ایمیل", "نظر شما")
            pg.bp(*comment_block(rng, "خبرگزاری تسنیم"))
            pg.bp("تسنیم را در شبکه‌های اجتماعی دنبال کنید", "تلگرام", "اینستاگرام", "ایتا")
            pg.bp("درباره ما", "تماس با ما", "آرشیو اخبار", "RSS")
            pg.bp("کلیه حقوق مادی و معنوی این سایت متعلق به خبرگزاری تسنیم است و استفاده از مطالب با ذکر منبع آزاد است.")
        gold["published"] = when.iso()

    elif style == "isna":
        jy = when.j
        nid = f"{jy.year}{jy.month:02d}{jy.day:02d}{rng.randint(10000, 99999)}"
        fmt = rng.random()
        if fmt < 0.5:
            pdate = f"{when.weekday} / {fa(jy.day)} {when.month} {fa(jy.year)} / {fa(jy.strftime('%H:%M'))}"
        else:
            pdate = f"{fa(jy.strftime('%Y-%m-%d'))} {fa(jy.strftime('%H:%M'))}"
        if whole:
            pg.bp("ایسنا", "خبرگزاری دانشجویان ایران")
            pg.bp(header_clock(rng, crawl, "isna"))
            pg.menu(["صفحه نخست", "دانشگاه", "علمی", "سیاسی", "اقتصادی", "اجتماعی", "فرهنگی", "ورزشی",
                     "بین‌الملل", "استان‌ها", "چندرسانه‌ای", "فیلم", "عکس", "پادکست", "آخرین اخبار"][: rng.randint(10, 15)])
            pg.bp(f"{sec} / {sub}")
        pg.meta(pdate, "date")
        pg.bp(f"کد خبر: {fa(nid)}")
        if rng.random() < 0.6:
            pg.bp(f"خبرنگار: {reporter}")
        if sur:
            pg.meta(sur, "sur")
        pg.meta(title, "title")
        if opts["lead"]:
            pg.art(lead)
        emit_body()
        pg.bp("انتهای پیام")
        if tags:
            pg.bp("برچسب‌ها")
            pg.bp(*tags)
            gold["tags"] = tags
        if whole:
            pg.bp("اشتراک‌گذاری", "چاپ خبر", "لینک کوتاه", f"isna.ir/xd{short_id(rng, 4)}")
            pg.bp("اخبار مرتبط")
            pg.bp(*headlines(rng, hl_pool, rng.randint(3, 4)))
            pg.bp("پربازدیدترین‌ها", "امروز", "هفته")
            pg.bp(*headlines(rng, hl_pool, 5))
            pg.bp("نظرات", "ارسال نظر", "نام و نام خانوادگی", "پست الکترونیک")
            pg.bp("ایسنا در انتشار نظراتی که حاوی توهین یا افترا به اشخاص باشد معذور است.")
            pg.bp("ایسنا را در پیام‌رسان‌ها دنبال کنید")
            pg.bp("کلیه حقوق این سایت متعلق به خبرگزاری دانشجویان ایران (ایسنا) است.")
        gold["published"] = when.iso()

    elif style == "khabaronline":
        nid = str(rng.randint(100_000, 1_950_000))
        words = len(" ".join(p for c in body for p in c).split()) + len(lead.split())
        minutes = max(1, math.ceil(words / 200))
        with_time = rng.random() < 0.8
        if with_time:
            pdate = f"تاریخ انتشار: {fa(when.j.day)} {when.month} {fa(when.j.year)} - {fa(when.j.strftime('%H:%M'))}"
        else:
            pdate = f"تاریخ انتشار: {fa(when.j.day)} {when.month} {fa(when.j.year)}"
        if whole:
            pg.bp("خبرآنلاین", header_clock(rng, crawl, "khabaronline"))
            pg.menu(["سیاست", "اقتصاد", "جامعه", "فرهنگ و هنر", "ورزش", "بین‌الملل", "دانش و فناوری",
                     "سبک زندگی", "خودرو", "سلامت", "حوادث", "چندرسانه‌ای", "آرشیو", "جستجو"][: rng.randint(9, 14)])
            pg.bp(f"خبرآنلاین » {sec} » {sub}")
        pg.bp(f"کد خبر {fa(nid)}")
        pg.meta(pdate, "date")
        pg.bp(f"زمان مطالعه: {fa(minutes)} دقیقه")
        if sur:
            pg.meta(sur, "sur")
        pg.meta(title, "title")
        if opts["lead"]:
            pg.art(lead)
        if whole and rng.random() < 0.5:
            pg.bp(f"عکس تزئینی است")
        mid = max(0, len(body) // 2 - 1)

        def more():
            pg.bp("بیشتر بخوانید:")
            pg.bp(*headlines(rng, hl_pool, rng.randint(1, 2)))
        emit_body((mid, more) if len(body) > 1 else None)
        pg.bp(f"{rng.choice(['نویسنده', 'گزارش'])}: {reporter}")
        if tags:
            pg.bp("کلیدواژه‌ها")
            pg.bp(*tags)
            gold["tags"] = tags
        if whole:
            pg.bp("خبرهای مرتبط")
            pg.bp(*headlines(rng, hl_pool, rng.randint(2, 3), teaser=True))
            pg.bp("نظر شما", "شما در حال پاسخ به نظر «» هستید.", "ارسال")
            pg.bp(*comment_block(rng, "خبرآنلاین"))
            pg.bp("پربازدیدترین")
            pg.bp(*headlines(rng, hl_pool, 5))
            pg.bp("اپلیکیشن خبرآنلاین را از بازار و مایکت دریافت کنید")
            pg.bp("تمامی حقوق این سایت برای خبرآنلاین محفوظ است و بازنشر مطالب تنها با ذکر منبع مجاز است.")
        gold["published"] = when.iso(with_time)

    elif style == "entekhab":
        site = rng.choice(["انتخاب", "عصر ایران"])
        nid = str(rng.randint(100_000, 990_000))
        if rng.random() < 0.5:
            pdate = f"تاریخ انتشار: {when.j.strftime('%H:%M')} - {when.j.day} {when.month.replace('ی', 'ي')} {when.j.year}"
        else:
            pdate = (f"{when.weekday.replace('‌', ' ')} {when.j.day} {when.month} {when.j.year}"
                     f" ساعت {when.j.strftime('%H:%M')}")
        if whole:
            pg.bp("پایگاه خبری تحلیلی انتخاب (Entekhab.ir)" if site == "انتخاب" else "عصر ایران | Asriran")
            pg.bp(header_clock(rng, crawl, "entekhab"))
            pg.menu(["صفحه نخست", "سیاسی", "اقتصادی", "اجتماعی", "ورزشی", "فرهنگی", "بین الملل", "دانش",
                     "سلامت", "جامعه", "چند رسانه ای", "عکس", "ویدیو", "بازار", "آخرین اخبار"][: rng.randint(9, 15)])
        pg.meta(pdate, "date")
        pg.bp(f"کد خبر: {fa(nid)}")
        pg.meta(title, "title")
        if opts["lead"]:
            pg.art(lead)
        emit_body()
        if opts["credit"]:
            src = SOURCE_NAMES[origin]
            pg.bp(f"منبع: {src[0]}")
            gold["source"] = list(src)
        if whole:
            pg.bp("اشتراک گذاری", "تلگرام", "واتساپ", "توییتر", "لینکدین")
        if tags:
            pg.bp("برچسب ها: " + " ، ".join(tags))
            gold["tags"] = tags
        if whole:
            pg.bp("ارسال نظر", "نام:", "ایمیل:", "ارسال")
            pg.bp(f"{site} نظراتی را که حاوی توهین است منتشر نمی‌کند.")
            pg.bp("آخرین اخبار")
            for h in headlines(rng, hl_pool, rng.randint(4, 6)):
                pg.bp(h)
            pg.bp("پربازدیدترین ها")
            pg.bp(*headlines(rng, hl_pool, rng.randint(4, 5)))
            pg.bp(f"کلیه حقوق این سایت متعلق به پایگاه خبری تحلیلی {site} است.",
                  f"استفاده از مطالب {site} با ذکر منبع بلامانع است.")
        gold["published"] = when.iso()

    elif style == "yjc":
        nid = str(rng.randint(5_000_000, 9_500_000))
        pdate = f"{fa(when.j.day)} {when.month} {fa(when.j.year)} - {fa(when.j.strftime('%H:%M'))}"
        if rng.random() < 0.5:
            pdate = f"تاریخ انتشار: {fa(when.j.strftime('%H:%M'))} - {fa(when.j.day)} {when.month} {fa(when.j.year)}"
        if whole:
            pg.bp("باشگاه خبرنگاران جوان", "YJC")
            pg.bp(header_clock(rng, crawl, "yjc"))
            pg.menu(["صفحه نخست", "سیاسی", "اقتصادی", "اجتماعی", "ورزشی", "فرهنگی هنری", "علمی فناوری",
                     "بین الملل", "استانها", "عکس", "فیلم", "اینفوگرافیک", "سرگرمی", "آخرین اخبار"][: rng.randint(10, 14)])
            pg.bp("دانلود اپلیکیشن باشگاه خبرنگاران جوان")
            pg.bp(f"{sec} » {sub}")
        pg.bp(f"کد خبر: {fa(nid)}")
        pg.meta(pdate, "date")
        if sur:
            pg.meta(sur, "sur")
        pg.meta(title, "title")
        if opts["lead"]:
            pg.art(lead)
        emit_body()
        pg.bp("انتهای پیام/")
        if tags:
            pg.bp("برچسب ها:")
            pg.bp(*tags)
            gold["tags"] = tags
        if whole:
            pg.bp("اخبار پیشنهادی")
            pg.bp(*headlines(rng, hl_pool, rng.randint(3, 5)))
            pg.bp("آخرین اخبار")
            pg.bp(*headlines(rng, hl_pool, rng.randint(4, 6)))
            pg.bp("نظرات کاربران", "ارسال نظر", "نظر شما با موفقیت ثبت شد و پس از بررسی منتشر خواهد شد.")
            pg.bp(*comment_block(rng, "باشگاه خبرنگاران جوان"))
            pg.bp("برای دریافت آخرین اخبار در کانال تلگرام باشگاه خبرنگاران جوان عضو شوید")
            pg.bp("تمامی حقوق برای باشگاه خبرنگاران جوان محفوظ است. استفاده از مطالب با ذکر منبع بلامانع است.")
        gold["published"] = when.iso()

    elif style == "zoomit":
        nid = None
        words = len(" ".join(p for c in body for p in c).split()) + len(lead.split())
        minutes = max(1, math.ceil(words / 200))
        mode = opts["zdate"]
        if mode == "abs":
            pdate = f"{fa(when.j.day)} {when.month} {fa(when.j.year)} | {fa(when.j.strftime('%H:%M'))}"
            gold["published"] = when.iso()
        elif mode == "date":
            pdate = f"{fa(when.j.day)} {when.month} {fa(when.j.year)}"
            gold["published"] = when.iso(False)
        else:
            pdate = rng.choice(["۳ ساعت پیش", "۲ روز پیش", "دیروز", "۵ دقیقه پیش"])
            gold["published"] = None
        if whole:
            pg.bp("زومیت", "ZOOMIT")
            pg.menu(["موبایل", "لپ تاپ", "سخت افزار", "نرم افزار و اپلیکیشن", "خودرو", "علمی", "سلامت",
                     "اقتصاد", "ورزش", "بازی", "سینما و تلویزیون", "مقایسه گوشی", "ویدیو", "جستجو", "ورود / ثبت نام"][: rng.randint(10, 15)])
            pg.bp(f"{sub}")
        pg.meta(title, "title")
        pg.bp(reporter)
        pg.meta(pdate, "date")
        pg.bp(f"زمان مطالعه: {fa(minutes)} دقیقه", f"{fa(rng.randint(0, 60))} دیدگاه")
        if opts["lead"]:
            pg.art(lead)
        if whole:
            pg.bp(f"منبع تصویر: {rng.choice(['Getty Images', 'Reuters', 'AFP', 'Unsplash'])}")
        emit_body()
        if opts["credit"]:
            src = SOURCE_NAMES[origin]
            pg.bp(f"منبع{rng.choice([':', '', ' :'])} {src[0]}")
            gold["source"] = list(src)
        if tags:
            if rng.random() < 0.5:
                pg.bp("برچسب‌ها:")
                pg.bp(*tags)
            else:   # hashtag chips; gold keeps the plain words (fold ignores # and _)
                pg.bp(*["#" + t.replace(" ", "_") for t in tags])
            gold["tags"] = tags
        if whole:
            pg.bp("مطالب پیشنهادی")
            pg.bp(*headlines(rng, hl_pool, rng.randint(2, 3), teaser=True))
            pg.bp("دیدگاه‌ها", "برای ارسال دیدگاه وارد حساب کاربری خود شوید", "ورود / ثبت‌نام")
            pg.bp("هنوز دیدگاهی ثبت نشده است؛ اولین نفری باشید که دیدگاه خود را ثبت می‌کند.")
            pg.bp("عضویت در خبرنامه", "برای دریافت تازه‌ترین مطالب، ایمیل خود را وارد کنید", "عضویت")
            pg.bp("اپلیکیشن زومیت را نصب کنید", "درباره ما", "تماس با ما", "تبلیغات", "فرصت‌های شغلی")
            pg.bp("تمام حقوق مادی و معنوی این وب‌سایت متعلق به زومیت است و هرگونه کپی‌برداری پیگرد قانونی دارد.")
    gold["news_id"] = nid
    return pg, gold


# ---------------------------------------------------------------- gold snippets
def pick_keep(rng, art, bp_fold, title_fold):
    """~5-15 snippets spread over the whole article: windows of 6-12 words from
    long lines (two from very long ones), short subheadings / fragments whole."""
    cands = []
    for i, t in enumerate(art):
        w = [x for x in t.split(" ") if x]
        if CREDIT.match(t):
            continue
        if len(w) < 4:
            if len(w) >= 2 and len(fold(t)) >= 6:
                cands.append((i, 0, t, True))
            continue
        parts = [w] if len(w) < 40 else [w[: len(w) // 2], w[len(w) // 2:]]
        for k, part in enumerate(parts):
            n = rng.randint(min(len(part), 6), min(12, len(part)))
            s = rng.randint(0, len(part) - n)
            cands.append((i, k, " ".join(part[s:s + n]), False))
    cands = [c for c in cands if fold(c[2]) and fold(c[2]) not in bp_fold and fold(c[2]) not in title_fold]
    target = min(len(cands), rng.randint(6, 15))
    short = [c for c in cands if c[3]][:3]
    rest = [c for c in cands if not c[3]]
    need = max(0, target - len(short))
    if need and rest:
        step = len(rest) / need
        rest = [rest[int(k * step)] for k in range(min(need, len(rest)))]
    chosen = sorted(set(short + rest[:need]), key=lambda c: (c[0], c[1]))
    seen, out = set(), []
    for c in chosen:
        if fold(c[2]) not in seen:
            seen.add(fold(c[2]))
            out.append(c[2])
    return out


def pick_drop(rng, lines, art_folds):
    menu = [t for t, k in lines if k == "menu"]
    other = [t for t, k in lines if k in ("bp", "date")]
    menu = rng.sample(menu, min(8, len(menu)))
    out, seen = [], set()
    for t in other + menu:
        f = fold(t)
        if not f or f in seen or any(f in af for af in art_folds):
            continue
        seen.add(f)
        out.append(t)
    order = {t: i for i, (t, _) in enumerate(lines)}
    return sorted(out, key=lambda t: order[t])


# ---------------------------------------------------------------- writing
def to_cp1256(text):
    text = text.replace("ی", "ي").translate({0x06F0 + i: str(i) for i in range(10)})
    text = text.replace("ۀ", "ه").replace("\u0654", "").replace("ٔ", "")
    out = []
    for ch in text:
        try:
            ch.encode("cp1256")
            out.append(ch)
        except UnicodeEncodeError:
            out.append("")   # the scraper's codec dropped it
    return "".join(out).encode("cp1256")


def decode(b: bytes) -> str:
    if b.startswith(b"\xff\xfe") or b.startswith(b"\xfe\xff"):
        return b.decode("utf-16")
    if b.startswith(b"\xef\xbb\xbf"):
        return b[3:].decode("utf-8")
    try:
        return b.decode("utf-8")
    except UnicodeDecodeError:
        return b.decode("cp1256")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=Path("heldout-a"))
    ap.add_argument("--seed", type=int, default=1403)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    arts = load_corpus()
    good = [a for a in arts if usable(a)]
    chosen = rng.sample(good, len(STYLES) * PER_STYLE)
    chosen_titles = {a["title"] for a in chosen}
    pool = [a for a in arts if a["title"] not in chosen_titles and a["lead"] and 3 <= len(a["title"].split())]

    if args.out.exists():
        shutil.rmtree(args.out)
    (args.out / "raw").mkdir(parents=True)
    (args.out / "gold").mkdir(parents=True)
    manifest = []
    def schedule(n_true, n=PER_STYLE):
        return {st: rng.sample([True] * n_true + [False] * (n - n_true), n) for st in STYLES}

    article_only = schedule(3)
    surtitle_ok = schedule(7)
    credit = schedule(6)
    zdates = rng.sample(["abs"] * 6 + ["date"] * 2 + ["rel"] * 2, PER_STYLE)
    n = len(STYLES) * PER_STYLE
    encodings = rng.sample(["utf-8"] * 30 + ["utf-8-sig"] * 7 + ["utf-16"] * 10 + ["cp1256"] * 13, n)
    zwnj_sched = rng.sample([True] * (n // 2) + [False] * (n - n // 2), n)
    crlf_sched = rng.sample([True] * (n // 4) + [False] * (n - n // 4), n)
    for i, a in enumerate(chosen):
        style = STYLES[i % len(STYLES)]
        k = i // len(STYLES)
        case = f"{style}-{i:03d}"
        when = random_when(rng)
        crawl = When((when.g + dt.timedelta(days=rng.randint(0, 500), hours=rng.randint(0, 20))).replace(tzinfo=None))
        opts = {
            "article_only": article_only[style][k],
            "sentences": rng.random() < {"entekhab": 0.6, "isna": 0.3}.get(style, 0.15),
            "fragments": rng.random() < 0.35,
            "lead": True,
            "surtitle_ok": style in ("tasnim", "isna", "khabaronline", "yjc") and surtitle_ok[style][k],
            "credit": style in ("entekhab", "zoomit") and credit[style][k],
            "zdate": zdates[k],
        }
        pg, gold = build(rng, style, a, pool, when, crawl, opts)
        # the gold title/surtitle/lead/body as a cleaner would output them, in either order
        art = [t for t, k in pg.lines if k == "art"]
        sur = gold["surtitle"] or ""
        art_folds = [fold("\n".join([gold["title"], sur] + art)), fold("\n".join([sur, gold["title"]] + art))]
        bp_fold = fold("\n".join(t for t, k in pg.lines if k in ("bp", "menu", "date")))
        keep = pick_keep(rng, art, bp_fold, fold(gold["title"] + sur))
        drop = pick_drop(rng, pg.lines, art_folds)
        gold_out = {"title": gold["title"], "surtitle": gold["surtitle"], "keep": keep, "drop": drop,
                    "published": gold["published"], "news_id": gold["news_id"], "tags": gold["tags"]}
        if "source" in gold:
            gold_out["source"] = gold["source"]

        # ---- the scraper's messes
        lines = [t for t, _ in pg.lines]
        blank = style in ("isna", "zoomit") and rng.random() < 0.6 or rng.random() < 0.1
        text = ("\n\n" if blank else "\n").join(lines) + "\n"
        zwnj_lost = zwnj_sched[i]
        if zwnj_lost:
            text = text.replace("\u200c", "")
        crlf = crlf_sched[i]
        if crlf:
            text = text.replace("\n", "\r\n")
        enc = encodings[i]
        data = to_cp1256(text) if enc == "cp1256" else text.encode(enc)
        (args.out / "raw" / f"{case}.txt").write_bytes(data)
        (args.out / "gold" / f"{case}.json").write_text(
            json.dumps(gold_out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

        # ---- self-check: every snippet is on one raw line, keep and drop never collide
        raw_lines = [fold(l) for l in decode(data).splitlines()]
        for s in keep + drop:
            assert any(fold(s) in l for l in raw_lines), (case, s)
        for s in drop:
            assert all(fold(s) not in af for af in art_folds), (case, s)
        manifest.append({"case": case, "encoding": enc, "crlf": crlf, "zwnj_lost": zwnj_lost,
                         "blank_lines": blank, **{k: v for k, v in opts.items() if k != "lead"},
                         "keep": len(keep), "drop": len(drop)})
    (args.out / "MANIFEST.jsonl").write_text(
        "".join(json.dumps(m, ensure_ascii=False) + "\n" for m in manifest), encoding="utf-8")
    print(f"wrote {len(manifest)} cases to {args.out}")


if __name__ == "__main__":
    main()
