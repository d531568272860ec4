#!/usr/bin/env python3
"""Second held-out test set: 60 scraped Persian news pages in 6 site styles
that differ from the dev styles (bbc, hamshahri, irna, mehr, tabnak, seed-like).

Styles: ilna (labour news agency), fararu (magazine with tickers), farda
(international: Radio Farda / Independent Persian-like, Gregorian dates),
regional (provincial site), sports (match stats and line-ups), blog
(WordPress-style aggregator).

Run:  .venv/bin/python benchmarks/heldout/styles_b.py [OUT]
Writes cases/raw/<id>.txt and cases/gold/<id>.json next to this script.
Seeded and reproducible.
"""
from __future__ import annotations

import datetime as dt
import json
import random
import re
import shutil
import sys
import unicodedata
from pathlib import Path
from zoneinfo import ZoneInfo

import jdatetime

SEED = 140206
HERE = Path(__file__).resolve().parent
OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("heldout-b")
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
TEHRAN = ZoneInfo("Asia/Tehran")
ZWNJ = "\u200c"
NBSP = "\u00a0"

# ---------------------------------------------------------------- folding (as score.py)
FOLD = str.maketrans({
    "ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "أ": "ا", "إ": "ا",
    "ٱ": "ا", "ؤ": "و", "\u0640": None,
    **{chr(0x06F0 + i): str(i) for i in range(10)},
    **{chr(0x0660 + i): str(i) for i in range(10)},
})


def fold(text):
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).translate(FOLD)
    return "".join(ch for ch in text if ch.isalnum()).lower()


FA_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
LAT_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")


def fa(x) -> str:
    return str(x).translate(FA_DIGITS)


J_MONTHS = ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان",
            "آذر", "دی", "بهمن", "اسفند"]
G_MONTHS = ["ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر",
            "اکتبر", "نوامبر", "دسامبر"]
WEEKDAYS = ["دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه", "شنبه", "یکشنبه"]  # Monday=0


# ---------------------------------------------------------------- corpus
def load(name):
    rows = [json.loads(l) for l in (CORPUS / name).read_text(encoding="utf-8").splitlines() if l.strip()]
    out = []
    for r in rows:
        paras = [p.strip() for p in r["paragraphs"] if p.strip()]
        source = None
        # trailing credit / end-marker paragraphs in the corpus are page furniture
        while paras and re.match(r"^(منبع\s*:|انتهای (پیام|متن|خبر))", paras[-1]):
            m = re.match(r"^منبع\s*:\s*(.+)$", paras[-1])
            if m and source is None:
                source = m.group(1).strip()
            paras.pop()
        if any(re.match(r"^(منبع\s*:|انتهای (پیام|متن|خبر))", p) for p in paras):
            continue
        words = sum(len(p.split()) for p in paras)
        if len(paras) < 2 or not (70 <= words <= 700) or not r.get("title") or not r.get("lead"):
            continue
        out.append({"title": r["title"].strip(), "lead": r["lead"].strip(), "paras": paras,
                    "tags": list({fold(t): t.strip(" \u200c") for t in r.get("tags") or [] if fold(t)}.values()),
                    "source": source, "corpus": name.split(".")[0]})
    return out


FARS = load("farsnews.jsonl")
V3 = load("varzesh3.jsonl")


# ---------------------------------------------------------------- dates
def rand_dt(rng, lo=2008, hi=2023):
    start = dt.datetime(lo, 1, 1)
    end = dt.datetime(hi, 12, 28)
    d = start + dt.timedelta(days=rng.randrange((end - start).days))
    return d.replace(hour=rng.randrange(6, 24), minute=rng.randrange(60))


def iso(d: dt.datetime, with_time=True) -> str:
    if not with_time:
        return d.date().isoformat()
    return d.replace(tzinfo=TEHRAN).isoformat()


def jparts(d: dt.datetime):
    j = jdatetime.date.fromgregorian(date=d.date())
    return j.year, j.month, j.day


def wday(d) -> str:
    return WEEKDAYS[d.weekday()]


def j_long(d, digits="fa", weekday=False, zero=False):
    y, m, dd = jparts(d)
    s = f"{dd:02d}" if zero else str(dd)
    out = f"{s} {J_MONTHS[m - 1]} {y}"
    if weekday:
        out = f"{wday(d)} {out}"
    return fa(out) if digits == "fa" else out


def j_slash(d, digits="fa", pad=True):
    y, m, dd = jparts(d)
    s = f"{y}/{m:02d}/{dd:02d}" if pad else f"{y}/{m}/{dd}"
    return fa(s) if digits == "fa" else s


def hm(d, digits="fa"):
    s = f"{d.hour:02d}:{d.minute:02d}"
    return fa(s) if digits == "fa" else s


def g_long(d, weekday=False):
    out = fa(f"{d.day} {G_MONTHS[d.month - 1]} {d.year}")
    return f"{wday(d)} {out}" if weekday else out


# ---------------------------------------------------------------- shared boilerplate pools
CURRENCY = [
    lambda r: f"دلار {fa(r.randrange(24, 59) * 1000)} تومان",
    lambda r: f"یورو {fa(r.randrange(27, 63) * 1000)} تومان",
    lambda r: f"سکه امامی {fa(r.randrange(5, 30))} میلیون تومان",
    lambda r: f"طلای ۱۸ عیار {fa(r.randrange(500, 2500))} هزار تومان",
    lambda r: f"شاخص کل بورس {fa(r.randrange(300, 2200))} هزار واحد",
    lambda r: f"درهم امارات {fa(r.randrange(6, 16) * 1000)} تومان",
]
COMMENT_FORM = ["ارسال نظر", "نام", "ایمیل", "نظر شما", "ارسال"]
SOCIAL = ["تلگرام", "اینستاگرام", "توییتر", "واتساپ", "فیسبوک"]


def other_titles(rng, pool, exclude, n, teaser_p=0.0):
    out = []
    while len(out) < n:
        a = rng.choice(pool)
        if a["title"] == exclude["title"] or any(a["title"] == t for t, _ in out):
            continue
        teaser = None
        if rng.random() < teaser_p:
            teaser = a["lead"]
            if rng.random() < 0.5 and len(teaser.split()) > 14:
                teaser = " ".join(teaser.split()[:14]) + " ..."
        out.append((a["title"], teaser))
    return out


def fold_other(rng, pool, exclude, n, teaser_p=0.0):
    lines = []
    for t, teaser in other_titles(rng, pool, exclude, n, teaser_p):
        lines.append(t)
        if teaser:
            lines.append(teaser)
    return lines


# ---------------------------------------------------------------- body rendering and messes
def sentences(p):
    parts = re.split(r"(?<=[.!؟?])\s+(?=\S)", p)
    return [s for s in parts if s.strip()]


def link_fragments(rng, p):
    """Split a paragraph at an inline link, as naive scrapers do."""
    m = re.match(r"^(به گزارش)\s+([^،,]{3,60}?)\s*(،.*)$", p)
    if m and len(m.group(2).split()) <= 6:
        return [m.group(1), m.group(2), m.group(3)]
    w = p.split(" ")
    if len(w) < 12:
        return [p]
    a = rng.randrange(3, len(w) - 7)
    b = a + rng.randrange(2, 5)
    return [" ".join(w[:a]), " ".join(w[a:b]), " ".join(w[b:])]


class Page:
    def __init__(self, cid, rng):
        self.cid = cid
        self.rng = rng
        self.lines: list[tuple[str, str]] = []  # (text, kind) kind: art/boil/meta/neutral
        self.gold = {}

    def add(self, kind, *texts):
        for t in texts:
            if t is None:
                continue
            self.lines.append((t, kind))

    def boil(self, *t):
        self.add("boil", *t)

    def art(self, *t):
        self.add("art", *t)


def render_body(page: Page, art, *, split_mode=None, inserts=None, pool=None, pullquote=False,
                caption=None):
    """Lead + paragraphs with optional in-article boxes. Returns nothing; appends to page."""
    rng = page.rng
    paras = list(art["paras"])
    n = len(paras)
    box_at = rng.randrange(1, n) if inserts and n > 1 else None
    quote_at = rng.randrange(1, n) if pullquote and n > 2 else None
    cap_at = rng.randrange(0, min(2, n)) if caption else None
    for i, p in enumerate(paras):
        if cap_at == i:
            for c in caption:
                page.boil(c)
        if box_at == i:
            for t in inserts:
                page.boil(t)
        if quote_at == i:
            # a pull quote repeats a sentence of the article: neither keep nor drop
            q = rng.choice(sentences(" ".join(paras)))
            page.add("neutral", f"«{q.strip('.«» ')}»")
        if split_mode == "sentence":
            page.art(*sentences(p))
        elif split_mode == "links" and (rng.random() < 0.5 or p.startswith("به گزارش")):
            page.art(*[x for x in link_fragments(rng, p) if x.strip()])
        else:
            page.art(p)


def choose_keep(rng, art_lines, forbidden_folds):
    cands = list(dict.fromkeys(l for l in art_lines if len(fold(l)) >= 6))
    rng.shuffle(cands)
    if len(cands) < 8:  # short article: take a second window from long lines
        cands += [l for l in cands if len(l.split()) >= 26]
    want = min(len(cands), rng.randrange(6, 16))
    keep = []
    used: dict[str, list[tuple[int, int]]] = {}
    for line in cands:
        w = line.split(" ")
        if len(w) < 3:
            continue
        if len(w) <= 12:
            if line in used:
                continue
            snip = line
            used[line] = [(0, len(w))]
        else:
            for _ in range(20):
                k = rng.randrange(5, 13)
                a = rng.randrange(0, len(w) - k + 1)
                if all(a + k <= u0 or a >= u1 for u0, u1 in used.get(line, [])):
                    break
            else:
                continue
            used.setdefault(line, []).append((a, a + k))
            snip = " ".join(w[a:a + k])
        if fold(snip) in forbidden_folds or len(fold(snip)) < 8 or any(
                fold(snip) in fold(k) or fold(k) in fold(snip) for k in keep):
            continue
        keep.append(snip)
        if len(keep) >= want:
            break
    # keep page order
    order = {l: i for i, l in enumerate(art_lines)}
    keep.sort(key=lambda s: min(i for l, i in order.items() if s in l))
    return keep


# ---------------------------------------------------------------- styles
def style_ilna(page: Page, art):
    rng = page.rng
    d = rand_dt(rng)
    nid = str(rng.randrange(100000, 1400000))
    whole = rng.random() < 0.75
    today = d + dt.timedelta(days=rng.randrange(1, 400))
    if whole:
        page.boil("ایلنا", "خبرگزاری کار ایران", "ILNA - Iranian Labour News Agency")
        page.boil(f"امروز: {j_long(today, weekday=True)}")
        page.boil(*["صفحه اصلی", "سیاسی", "اقتصادی", "کارگری", "اجتماعی", "فرهنگی-هنری",
                    "ورزشی", "بین‌الملل", "استان‌ها", "چندرسانه‌ای", "آرشیو", "جستجو"])
        if rng.random() < 0.5:
            page.boil(*[f(rng) for f in rng.sample(CURRENCY, 3)])
    section = "ورزشی" if art["corpus"] == "varzesh3" else rng.choice(["اجتماعی", "استان‌ها", "اقتصادی"])
    sur = rng.choice(SURT_SPORT if art["corpus"] == "varzesh3" else SURT_GEN) if rng.random() < 0.7 else None
    v = rng.randrange(3)
    if v == 0:
        page.boil(f"کد خبر : {fa(nid)}", f"{j_slash(d)} {hm(d)}")
        pub = iso(d)
    elif v == 1:
        page.boil(f"{section} | کد خبر : {fa(nid)} | {j_slash(d)} - {hm(d)}")
        pub = iso(d)
    else:
        page.boil(f"کد خبر: {nid}", f"تاریخ انتشار: {j_long(d, weekday=True)} ساعت {hm(d)}")
        pub = iso(d)
    if sur:
        page.art(sur)
    page.art(art["title"])
    page.art(art["lead"])
    split = rng.choice([None, None, "sentence", "links"])
    render_body(page, art, split_mode=split,
                inserts=["بیشتر بخوانید:", *[t for t, _ in other_titles(rng, FARS + V3, art, 1)]]
                if rng.random() < 0.4 else None)
    src = art["source"] or (None if rng.random() < 0.5 else
                            ("خبرگزاری فارس" if art["corpus"] == "farsnews" else "ورزش سه"))
    if src:
        page.boil(f"منبع: {src}")
    page.boil("انتهای پیام/")
    tags = art["tags"] if rng.random() < 0.8 else []
    if tags:
        page.boil("برچسب‌ها:", *tags)
    if whole:
        page.boil("لینک کوتاه:", f"ilna.ir/fa/tiny/news-{nid}")
        page.boil("اخبار مرتبط", *fold_other(rng, FARS + V3, art, 4))
        page.boil("نظر شما", "نظرات حاوی توهین و هرگونه نسبت ناروا به اشخاص حقیقی و حقوقی منتشر نمی‌شود.",
                  "نام", "ایمیل", "ارسال")
        page.boil("پربازدیدترین", *fold_other(rng, FARS + V3, art, 5))
        page.boil("درباره ما", "تماس با ما", "آرشیو اخبار", "آر اس اس")
        page.boil("کلیه حقوق این سایت متعلق به خبرگزاری کار ایران (ایلنا) است و استفاده از مطالب با ذکر منبع بلامانع است.",
                  "نشانی: تهران، خیابان انقلاب، پلاک ۳۴۰ - تلفن: ۶۶۴۰۷۲۵۰-۰۲۱")
    page.gold.update(title=art["title"], surtitle=sur, published=pub, news_id=nid, tags=tags)
    if src:
        page.gold["source"] = source_variants(src)


def style_fararu(page: Page, art):
    rng = page.rng
    d = rand_dt(rng)
    nid = str(rng.randrange(100000, 700000))
    whole = rng.random() < 0.7
    v = rng.randrange(4)
    rel = rng.randrange(2, 23)
    today = d + (dt.timedelta(hours=rel) if v == 2 else dt.timedelta(days=rng.randrange(0, 300)))
    if whole:
        page.boil("فرارو", "پایگاه تحلیلی خبری فرارو؛ نگاهی دیگر به خبرها")
        page.boil(*[f(rng) for f in rng.sample(CURRENCY, rng.randrange(3, 6))])
        page.boil(f"{j_long(today, weekday=True)} - {hm(today)}")
        page.boil(*["خانه", "سیاست", "اقتصاد", "جامعه", "فرهنگ و هنر", "دانش و فناوری",
                    "ورزش", "سبک زندگی", "چندرسانه‌ای", "فراروی دیگر"])
        sec = "ورزش" if art["corpus"] == "varzesh3" else rng.choice(["جامعه", "سیاست", "اقتصاد"])
        page.boil(f"فرارو / {sec} / {rng.choice(['اخبار روز', 'گزارش', 'تحلیل'])}")
    sur = rng.choice(SURT_SPORT if art["corpus"] == "varzesh3" else SURT_GEN) if rng.random() < 0.4 else None
    if sur:
        page.art(sur)
    page.art(art["title"])
    if v == 0:
        page.boil(f"کد خبر: {fa(nid)}", f"تاریخ انتشار: {hm(d)} - {j_long(d, zero=True)}")
        pub = iso(d)
    elif v == 1:
        page.boil(f"{j_long(d, weekday=True)} ساعت {hm(d)}", f"کد مطلب: {fa(nid)}")
        pub = iso(d)
    elif v == 2:
        page.boil(f"{fa(rel)} ساعت پیش", f"کد خبر: {fa(nid)}")
        pub = None
    else:
        page.boil(f"زمان انتشار: {j_slash(d, digits='lat')} | {hm(d, 'lat')}")
        nid = None
        pub = iso(d)
    page.boil(f"زمان مطالعه: {fa(rng.randrange(2, 9))} دقیقه")
    page.art(art["lead"])
    split = rng.choice([None, "sentence", "links"])
    render_body(page, art, split_mode=split,
                inserts=["بخوانید:", *[t for t, _ in other_titles(rng, FARS + V3, art, rng.randrange(1, 3))]]
                if rng.random() < 0.7 else None,
                pullquote=rng.random() < 0.5,
                caption=["عکس: تزئینی"] if rng.random() < 0.3 else None)
    src = art["source"] or (None if rng.random() < 0.6 else
                            ("خبرگزاری فارس" if art["corpus"] == "farsnews" else "ورزش سه"))
    if src:
        page.boil(f"منبع: {src}")
    tags = art["tags"] if rng.random() < 0.7 else []
    if tags:
        page.boil("کلیدواژه‌ها: " + "، ".join(tags))
    if whole:
        page.boil("اشتراک گذاری", *rng.sample(SOCIAL, 3))
        page.boil("مطالب پیشنهادی", *fold_other(rng, FARS + V3, art, 4, teaser_p=0.7))
        if rng.random() < 0.6:
            page.boil("اپلیکیشن فرارو را نصب کنید و اخبار را سریع‌تر از همه دنبال کنید",
                      "دریافت از کافه‌بازار")
        page.boil("پربازدیدترین‌ها", *fold_other(rng, FARS + V3, art, 5))
        page.boil("نظرات", f"{fa(rng.randrange(0, 40))} نظر",
                  "دیدگاه شما پس از بررسی و تأیید منتشر خواهد شد. لطفاً از نوشتن با حروف لاتین خودداری کنید.")
        page.boil("عضویت در خبرنامه", "برای دریافت خلاصه خبرهای هر روز، نشانی ایمیل خود را وارد کنید.")
        page.boil("درباره فرارو", "تبلیغات", "تماس با ما",
                  "فرارو پایگاهی مستقل برای تحلیل رویدادهای ایران و جهان است و می‌کوشد روایتی دقیق و بی‌طرف از خبرها به مخاطبان ارائه دهد.",
                  "کلیه حقوق مادی و معنوی این سایت محفوظ است. © ۱۴۰۲ فرارو")
    page.gold.update(title=art["title"], surtitle=sur, published=pub, news_id=nid, tags=tags)
    if src:
        page.gold["source"] = source_variants(src)


def style_farda(page: Page, art):
    rng = page.rng
    d = rand_dt(rng, 2010, 2023)
    indep = rng.random() < 0.5
    whole = rng.random() < 0.7
    author = rng.choice(["مریم سخایی", "بهروز کریمی", "آرش عزیزی", "نیلوفر رستمی", "کامران صفوی"])
    if whole:
        if indep:
            page.boil("ایندیپندنت فارسی", "Independent Persian", "پخش زنده",
                      *["صفحه اصلی", "ایران", "جهان", "اقتصاد", "ورزش", "فرهنگ و هنر", "ویدیو",
                        "دیدگاه", "پادکست"], "جستجو")
        else:
            page.boil("رادیو فردا", "رادیو فردا | RFE/RL", "رفتن به محتوای اصلی",
                      *["خبرها", "ایران", "جهان", "گزارش ویژه", "ورزش", "چندرسانه‌ای",
                        "برنامه‌ها"], "جستجو", "پخش زنده")
    v = rng.randrange(4)
    page.art(art["title"])
    if v == 0:  # Radio Farda: Iran time + GMT
        utc = d.replace(tzinfo=TEHRAN).astimezone(dt.timezone.utc)
        page.boil(f"{j_long(d, weekday=True)} ایران {hm(d)} گرینویچ {hm(utc)}")
        pub = iso(d)
    elif v == 1:
        page.boil(g_long(d))
        pub = iso(d, with_time=False)
    elif v == 2:
        up = d + dt.timedelta(days=rng.randrange(1, 4))
        page.boil(f"انتشار: {g_long(d, weekday=True)}", f"به‌روزرسانی: {g_long(up, weekday=True)}")
        pub = iso(d, with_time=False)
    else:
        page.boil(f"{j_long(d, weekday=True)} - {g_long(d)}")
        pub = iso(d, with_time=False)
    if rng.random() < 0.7:
        page.boil(rng.choice([f"نویسنده: {author}", f"{author}", f"{author} - روزنامه‌نگار"]))
    cap = [rng.choice(["منبع تصویر، AFP", "عکس: AFP", "Reuters", "Getty Images", "منبع عکس: ایسنا"])]
    page.art(art["lead"])
    if whole and rng.random() < 0.5:
        page.boil("به اشتراک بگذارید", *rng.sample(SOCIAL, 3), "لینک کپی شد")
    split = rng.choice([None, None, "sentence", "links"])
    render_body(page, art, split_mode=split,
                inserts=["بیشتر بخوانید", *fold_other(rng, FARS + V3, art, 2)] if rng.random() < 0.6 else None,
                caption=cap)
    if rng.random() < 0.5:
        page.boil("این مقاله دیدگاه نویسنده را نشان می‌دهد و لزوماً بازتاب دیدگاه ایندیپندنت فارسی نیست."
                  if indep else "مطالب منتشرشده در بخش دیدگاه لزوماً بیانگر موضع رادیو فردا نیست.")
    tags = art["tags"] if rng.random() < 0.5 else []
    if tags:
        page.boil("موضوعات مرتبط", *tags)
    if whole:
        page.boil("مطالب مرتبط", *fold_other(rng, FARS + V3, art, 3, teaser_p=0.5))
        page.boil("پربیننده‌ترین‌ها", *[f"{fa(i + 1)}" + " " + t for i, t in
                                        enumerate(t for t, _ in other_titles(rng, FARS + V3, art, 5))])
        if indep:
            page.boil("ایندیپندنت فارسی را در شبکه‌های اجتماعی دنبال کنید",
                      "درباره ما", "حریم خصوصی", "شرایط استفاده",
                      "© Independent Persian 2023. تمامی حقوق محفوظ است. بازنشر مطالب تنها با ذکر منبع و درج لینک امکان‌پذیر است.")
        else:
            page.boil("برای دسترسی بدون سانسور به رادیو فردا از فیلترشکن یا اپلیکیشن رادیو فردا استفاده کنید.",
                      "اپلیکیشن رادیو فردا", "درباره ما", "تماس با ما", "شرایط استفاده",
                      "© ۲۰۲۳ RFE/RL, Inc. تمامی حقوق محفوظ است.")
    page.gold.update(title=art["title"], surtitle=None, published=pub, news_id=None, tags=tags)


PROVINCES = [("گیلان", "رشت", "صدای گیلان"), ("خراسان جنوبی", "بیرجند", "خبر جنوب شرق"),
             ("اصفهان", "اصفهان", "نقش جهان نیوز"), ("آذربایجان شرقی", "تبریز", "تبریز امروز"),
             ("کرمان", "کرمان", "کرمان آنلاین"), ("مازندران", "ساری", "مازند خبر")]


def style_regional(page: Page, art):
    rng = page.rng
    d = rand_dt(rng)
    prov, city, name = rng.choice(PROVINCES)
    nid = str(rng.randrange(1000, 99999))
    whole = rng.random() < 0.8
    v = rng.randrange(4)
    rel = rng.randrange(2, 6)
    today = d + dt.timedelta(days=rel if v == 2 else rng.randrange(1, 500))
    if whole:
        page.boil(name, f"پایگاه خبری تحلیلی استان {prov}")
        page.boil(f"{j_long(today, weekday=True)}")
        page.boil(f"{city} {fa(rng.randrange(-3, 38))}° {rng.choice(['صاف', 'ابری', 'نیمه ابری', 'بارانی'])}")
        if rng.random() < 0.5:
            page.boil(f"اذان ظهر {fa(12)}:{fa(rng.randrange(10, 59))}")
        page.boil(*["صفحه نخست", "شهرستان‌ها", "سیاسی", "اقتصادی", "اجتماعی", "فرهنگی", "ورزشی",
                    "گردشگری", "عکس", "فیلم", "آگهی‌ها", "تماس با ما"])
    sur = rng.choice(SURT_GEN + SURT_SPORT) if rng.random() < 0.3 else None
    if sur:
        page.art(sur)
    page.art(art["title"])
    if v == 0:
        page.boil(f"تاریخ انتشار: {j_slash(d)}", f"شناسه خبر: {fa(nid)}")
        pub = iso(d, with_time=False)
    elif v == 1:
        page.boil(f"تاریخ: {j_long(d)} | ساعت: {hm(d)} | کد خبر: {nid}")
        pub = iso(d)
    elif v == 2:
        page.boil(f"{fa(rel)} روز پیش", f"کد خبر: {fa(nid)}")
        pub = None
    else:
        page.boil(f"{j_slash(d, digits='lat', pad=False)} - {hm(d, 'lat')}")
        nid = None
        pub = iso(d)
    if rng.random() < 0.5:
        page.boil(f"خبرنگار: {rng.choice(['زهرا محمدی', 'علی رضایی', 'حسن کاظمی', 'فاطمه نوری'])}")
    page.art(art["lead"])
    render_body(page, art, split_mode=rng.choice([None, "sentence", "links"]),
                inserts=["اخبار مرتبط:", *[t for t, _ in other_titles(rng, FARS + V3, art, 1)]]
                if rng.random() < 0.4 else None,
                caption=[f"عکس: {name}"] if rng.random() < 0.4 else None)
    src = art["source"] or (None if rng.random() < 0.5 else
                            ("خبرگزاری فارس" if art["corpus"] == "farsnews" else "ورزش سه"))
    if src:
        page.boil(f"منبع: {src}")
    tags = art["tags"] if rng.random() < 0.6 else []
    if tags:
        page.boil("برچسب ها", *tags)
    if whole:
        page.boil(f"بازدید: {fa(rng.randrange(50, 9000))}")
        page.boil("آخرین اخبار استان", *fold_other(rng, FARS, art, 5))
        page.boil("ارسال دیدگاه", "دیدگاه‌های ارسال شده توسط شما، پس از تایید توسط مدیر سایت منتشر خواهد شد.")
        page.boil("پیوندها", "استانداری", "اداره کل ارشاد", "شهرداری")
        page.boil(f"{name} پایگاه خبری مستقل استان {prov} است که با هدف اطلاع‌رسانی دقیق و به موقع درباره رویدادهای استان فعالیت می‌کند.",
                  f"نشانی: {city}، خیابان امام، کوچه {fa(rng.randrange(2, 40))}، پلاک {fa(rng.randrange(1, 90))}",
                  f"تلفن: {fa('0' + str(rng.randrange(11, 45)))}-{fa(rng.randrange(3000000, 3999999))}",
                  f"کلیه حقوق برای {name} محفوظ است.")
    page.gold.update(title=art["title"], surtitle=sur, published=pub, news_id=nid, tags=tags)
    if src:
        page.gold["source"] = source_variants(src)


TEAMS = ["پرسپولیس", "استقلال", "سپاهان", "تراکتور", "فولاد", "ذوب آهن", "گل گهر", "ملوان",
         "نساجی", "پیکان", "مس رفسنجان", "آلومینیوم"]
PLAYERS = ["رضا قاسمی", "مهدی طالبی", "امید صفایی", "حامد یوسفی", "سعید ملکی", "کاوه زارعی",
           "بهنام اکبری", "نوید شریفی", "یاسر جلالی", "مسعود پناهی", "آرین طاهری", "پویا منصوری",
           "سجاد حیدری", "فرشاد امینی", "رامین بهرامی", "جواد شفیعی", "وحید سلامی", "میلاد عباسی",
           "عرفان قربانی", "شهاب رنجبر", "هادی نیکخواه", "احسان فرهادی"]


def style_sports(page: Page, art):
    rng = page.rng
    d = rand_dt(rng)
    nid = str(rng.randrange(1000000, 2100000))
    whole = rng.random() < 0.75
    v = rng.randrange(3)
    rel = rng.randrange(5, 55)
    today = d + (dt.timedelta(minutes=rel) if v == 2 else dt.timedelta(days=rng.randrange(0, 200)))
    if whole:
        page.boil("ورزش‌نامه", "ورزش‌نامه | اخبار لحظه‌ای ورزش ایران و جهان")
        page.boil(f"{j_long(today, weekday=True)}")
        page.boil(*["فوتبال ایران", "فوتبال جهان", "والیبال", "کشتی", "بسکتبال", "رزمی",
                    "جدول لیگ", "نتایج زنده", "ویدیو"])
        a, b = rng.sample(TEAMS, 2)
        page.boil("نتایج زنده", f"{a} {fa(rng.randrange(4))} - {fa(rng.randrange(4))} {b}",
                  f"{rng.choice(TEAMS)} - {rng.choice(TEAMS)} | {fa(rng.randrange(16, 22))}:۰۰")
    sur = rng.choice(SURT_SPORT) if rng.random() < 0.3 else None
    if sur:
        page.art(sur)
    page.art(art["title"])
    if v == 0:
        page.boil(f"{j_slash(d)} - {hm(d)}", f"کد خبر: {fa(nid)}")
        pub = iso(d)
    elif v == 1:
        page.boil(f"{j_long(d, weekday=True)} | {hm(d)}")
        nid = None
        pub = iso(d)
    else:
        page.boil(f"{fa(rel)} دقیقه پیش", f"کد خبر: {nid}")
        pub = None
    page.boil(f"بازدید: {fa(rng.randrange(200, 90000))}")
    page.art(art["lead"])
    render_body(page, art, split_mode=rng.choice([None, None, "sentence", "links"]),
                inserts=["بیشتر بخوانید:", *[t for t, _ in other_titles(rng, V3, art, 2)]]
                if rng.random() < 0.5 else None,
                caption=[rng.choice(["عکس: ورزش‌نامه", "عکاس: محمد حسینی", "📷 عکس از ورزش‌نامه"])]
                if rng.random() < 0.5 else None)
    if whole and rng.random() < 0.8:
        a, b = rng.sample(TEAMS, 2)
        ga, gb = rng.randrange(4), rng.randrange(4)
        kick = d + dt.timedelta(days=rng.randrange(-3, 4))
        pa, pb = rng.sample(PLAYERS, 11), rng.sample(PLAYERS, 11)
        pos = rng.randrange(35, 66)
        page.boil("آمار بازی", f"{a} {fa(ga)} - {fa(gb)} {b}",
                  f"زمان بازی: {j_long(kick, weekday=True)} ساعت {fa(rng.randrange(16, 22))}:۰۰",
                  f"ورزشگاه: {rng.choice(['آزادی', 'نقش جهان', 'یادگار امام', 'فولاد آرنا', 'امام رضا'])}",
                  f"داور: {rng.choice(['علیرضا فغانی', 'موعود بنیادی‌فر', 'وحید کاظمی', 'سعید رحیمی'])}",
                  "مالکیت توپ", f"{fa(pos)}٪", f"{fa(100 - pos)}٪",
                  "شوت", f"{fa(rng.randrange(3, 20))} - {fa(rng.randrange(3, 20))}",
                  "شوت در چارچوب", f"{fa(rng.randrange(0, 9))} - {fa(rng.randrange(0, 9))}",
                  "کرنر", f"{fa(rng.randrange(0, 12))} - {fa(rng.randrange(0, 12))}",
                  "خطا", f"{fa(rng.randrange(5, 25))} - {fa(rng.randrange(5, 25))}",
                  f"ترکیب {a}", *pa, f"ترکیب {b}", *pb)
    tags = art["tags"] if rng.random() < 0.85 else []
    if tags:
        if rng.random() < 0.3:
            page.boil("تگ‌ها: " + " ".join("#" + t.replace(" ", "_") for t in tags))
        else:
            page.boil("برچسب‌ها:", *tags)
    if whole:
        page.boil("جدول لیگ برتر", *[f"{fa(i + 1)} {t} {fa(rng.randrange(10, 60))}" for i, t in enumerate(rng.sample(TEAMS, 6))])
        page.boil("خبرهای مرتبط", *fold_other(rng, V3, art, 4))
        page.boil("پربازدیدترین‌های امروز", *fold_other(rng, V3, art, 5))
        page.boil("نظرات کاربران", "شما هم نظر بدهید", "نظرات پس از تایید منتشر می‌شود. لطفاً از توهین به بازیکنان و مربیان خودداری کنید.")
        page.boil("اپلیکیشن ورزش‌نامه", "نتایج زنده و خبرهای فوری را با اپلیکیشن ورزش‌نامه روی گوشی خود دنبال کنید",
                  "دانلود از مایکت", "دانلود از بازار")
        page.boil("تمامی حقوق این سایت متعلق به ورزش‌نامه است و هرگونه کپی‌برداری بدون ذکر منبع پیگرد قانونی دارد.",
                  "تلفن پشتیبانی: ۰۲۱-۹۱۰۰۲۳۴۵")
    page.gold.update(title=art["title"], surtitle=sur, published=pub, news_id=nid, tags=tags)


def style_blog(page: Page, art):
    rng = page.rng
    d = rand_dt(rng, 2012, 2023)
    whole = rng.random() < 0.85
    site = rng.choice(["اخبار داغ روز", "خبرخوان نیوز", "پرشین خبر", "دنیای خبر"])
    cat = "ورزشی" if art["corpus"] == "varzesh3" else rng.choice(["اجتماعی", "استانی", "اقتصادی", "سیاسی"])
    if whole:
        page.boil(site, "آخرین اخبار ایران و جهان در یک نگاه", "رفتن به محتوا",
                  *["خانه", "اخبار ورزشی", "اخبار اجتماعی", "اخبار سیاسی", "اخبار اقتصادی",
                    "دانلود", "تماس با ما"], "جستجو برای:", "جستجو")
        if rng.random() < 0.5:
            page.boil("خبر فوری: " + other_titles(rng, FARS + V3, art, 1)[0][0])
    page.art(art["title"])
    v = rng.randrange(4)
    author = rng.choice(["مدیر سایت", "admin", "نویسنده", "رضا"])
    if v == 0:
        page.boil(f"ارسال شده توسط {author}", f"در تاریخ {j_long(d)}")
        pub = iso(d, with_time=False)
    elif v == 1:
        page.boil(f"ارسال شده توسط: {author} | {fa(rng.randrange(2, 20))} ساعت پیش | {fa(rng.randrange(0, 9))} دیدگاه")
        pub = None
    elif v == 2:
        page.boil(f"{J_MONTHS[jparts(d)[1] - 1]} {fa(jparts(d)[2])}, {fa(jparts(d)[0])}", f"توسط {author}")
        pub = iso(d, with_time=False)
    else:
        page.boil(f"{j_long(d)} ساعت {hm(d)}", f"نویسنده: {author}")
        pub = iso(d)
    page.boil(f"دسته‌بندی: {cat}" if rng.random() < 0.5 else f"دسته‌بندی: اخبار {cat}")
    page.art(art["lead"])
    render_body(page, art, split_mode=rng.choice([None, "sentence", "links", "links"]),
                inserts=["بیشتر بخوانید:", other_titles(rng, FARS + V3, art, 1)[0][0]]
                if rng.random() < 0.4 else None)
    src = art["source"] or ("خبرگزاری فارس" if art["corpus"] == "farsnews" else "ورزش سه")
    if rng.random() < 0.8:
        page.boil(f"منبع: {src}")
    else:
        src = None
    tags = art["tags"] if rng.random() < 0.7 else []
    if tags:
        page.boil("برچسب‌ها: " + "، ".join(tags))
    if whole:
        page.boil("اشتراک‌گذاری:", *rng.sample(SOCIAL, 2))
        prev, nxt = other_titles(rng, FARS + V3, art, 2)
        page.boil("نوشته قبلی", prev[0], "نوشته بعدی", nxt[0])
        page.boil("نوشته‌های مشابه", *fold_other(rng, FARS + V3, art, 3, teaser_p=0.6))
        if rng.random() < 0.5:
            page.boil("دیدگاه‌ها بسته شده‌اند.")
        else:
            page.boil("دیدگاهتان را بنویسید",
                      "نشانی ایمیل شما منتشر نخواهد شد. بخش‌های موردنیاز علامت‌گذاری شده‌اند *",
                      "دیدگاه *", "نام *", "ایمیل *", "وب‌ سایت",
                      "ذخیره نام، ایمیل و وبسایت من در مرورگر برای زمانی که دوباره دیدگاهی می‌نویسم.",
                      "فرستادن دیدگاه")
        page.boil("نوشته‌های تازه", *[t for t, _ in other_titles(rng, FARS + V3, art, 5)])
        page.boil("عضویت در خبرنامه", "ایمیل خود را وارد کنید تا از آخرین مطالب سایت باخبر شوید.")
        page.boil(f"تمامی حقوق برای {site} محفوظ است. طراحی و اجرا: وردپرس فارسی",
                  "قدرت گرفته از وردپرس | پوسته: نیوزپیپر", "بازگشت به بالا")
    page.gold.update(title=art["title"], surtitle=None, published=pub, news_id=None, tags=tags)
    if src:
        page.gold["source"] = source_variants(src)


SURT_GEN = ["در نشست خبری مطرح شد", "در گفت‌وگو با خبرنگاران عنوان شد", "با حضور مسئولان استانی",
            "یک مقام مسئول خبر داد", "در حاشیه یک مراسم", "گزارش میدانی"]
SURT_SPORT = ["در آستانه دیدار هفته آینده", "حاشیه‌های تمرین امروز", "واکنش‌ها ادامه دارد",
              "گزارش اختصاصی", "نقل و انتقالات تابستانی"]


def source_variants(src: str):
    short = re.sub(r"^(خبرگزاری|پایگاه خبری|روزنامه)\s+", "", src)
    out = [src] if short == src else [src, short]
    if fold(src) == fold("ورزش سه"):
        out.append("ورزش3")
    return out


STYLES = {"ilna": style_ilna, "fararu": style_fararu, "farda": style_farda,
          "regional": style_regional, "sports": style_sports, "blog": style_blog}


# ---------------------------------------------------------------- output messes
CP1256_MAP = str.maketrans({"ی": "ي", "ۀ": "ه", "٪": "%", "°": "°", **{chr(0x06F0 + i): str(i) for i in range(10)}})


def serialise(rng, lines, *, zwnj_off, blanks, nbsp, crlf, enc):
    out = []
    for t in lines:
        if zwnj_off:
            t = t.replace(ZWNJ, "")
        if nbsp and " " in t and rng.random() < 0.3:
            idx = [i for i, c in enumerate(t) if c == " "]
            i = rng.choice(idx)
            t = t[:i] + NBSP + t[i + 1:]
        out.append(t)
        if blanks:
            out.append(NBSP if nbsp and rng.random() < 0.3 else "")
        elif nbsp and rng.random() < 0.05:
            out.append(NBSP)
    text = "\n".join(out) + "\n"
    if enc == "cp1256":
        text = text.translate(CP1256_MAP)
        text = "".join(c if _cp_ok(c) else " " for c in text)
    if crlf:
        text = text.replace("\n", "\r\n")
    if enc == "utf-16":
        data = text.encode("utf-16")  # with BOM
    elif enc == "utf-8-sig":
        data = text.encode("utf-8-sig")
    else:
        data = text.encode(enc)
    return data


def _cp_ok(c):
    try:
        c.encode("cp1256")
        return True
    except UnicodeEncodeError:
        return False


def decode(data: bytes) -> str:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16")
    if data[:3] == b"\xef\xbb\xbf":
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1256")


# ---------------------------------------------------------------- build
def build():
    rng = random.Random(SEED)
    if OUT.exists():
        shutil.rmtree(OUT)
    (OUT / "raw").mkdir(parents=True)
    (OUT / "gold").mkdir(parents=True)
    used = set()
    names = list(STYLES)
    encs = (["utf-8"] * 6 + ["utf-8-sig", "utf-16", "cp1256"]) * 7
    rng.shuffle(encs)
    zwnj_flags = [True] * 30 + [False] * 30
    rng.shuffle(zwnj_flags)
    stats = []
    for i in range(60):
        style = names[i % 6]
        cid = f"{style}-{i:03d}"
        prng = random.Random(f"{SEED}-{cid}")
        pool = V3 if style == "sports" else (FARS + V3 if style in ("blog", "ilna", "regional") else FARS + V3)
        while True:
            art = prng.choice(pool)
            if art["title"] not in used:
                used.add(art["title"])
                break
        page = Page(cid, prng)
        STYLES[style](page, art)
        # ---- gold snippets
        art_lines = [t for t, k in page.lines if k == "art" and t not in (art["title"],)]
        sur = page.gold.get("surtitle")
        body_lines = [t for t in art_lines if t != sur]
        article_fold = fold("".join(t for t, k in page.lines if k == "art"))
        boil_lines = [t for t, k in page.lines if k == "boil"]
        boil_folds = "\n".join(fold(b) for b in boil_lines)
        keep = choose_keep(prng, body_lines, boil_folds)
        # a keep snippet must not also be found in some boilerplate line
        keep = [k for k in keep if fold(k) not in boil_folds]
        drop, seen = [], set()
        for b in boil_lines:
            f = fold(b)
            if not f or f in seen or f in article_fold:
                continue
            if any(f in fold(t) for t, k in page.lines if k == "neutral"):
                continue
            seen.add(f)
            drop.append(b)
        if len(drop) > 30:
            idx = sorted(prng.sample(range(len(drop)), 30))
            drop = [drop[j] for j in idx]
        page.gold["keep"] = keep
        page.gold["drop"] = drop
        # ---- messes and encoding
        enc = encs[i]
        zwnj_off = zwnj_flags[i] or enc == "cp1256" and prng.random() < 0.5
        blanks = prng.random() < 0.25
        nbsp = prng.random() < 0.3
        crlf = prng.random() < 0.25
        data = serialise(prng, [t for t, _ in page.lines], zwnj_off=zwnj_off, blanks=blanks,
                         nbsp=nbsp, crlf=crlf, enc=enc)
        (OUT / "raw" / f"{cid}.txt").write_bytes(data)
        gold = {k: page.gold[k] for k in ("title", "surtitle", "published", "news_id", "source", "tags", "keep", "drop")
                if k in page.gold}
        (OUT / "gold" / f"{cid}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        # ---- checks
        raw_lines = decode(data).splitlines()
        raw_folds = [fold(l) for l in raw_lines]
        for s in keep + drop:
            assert any(fold(s) in rf for rf in raw_folds), (cid, s)
        for s in drop:
            assert fold(s) not in article_fold, (cid, s)
        assert 4 <= len(keep) <= 15, (cid, len(keep), body_lines)
        for s in keep:
            n = len(s.split())
            assert n <= 12, (cid, s)
        assert gold["title"] and any(fold(gold["title"]) == rf for rf in raw_folds), cid
        if gold.get("surtitle"):
            assert any(fold(gold["surtitle"]) == rf for rf in raw_folds), cid
        if gold["published"]:
            dt.datetime.fromisoformat(gold["published"])
        stats.append((cid, enc, "crlf" if crlf else "", "nozwnj" if zwnj_off else "zwnj",
                      "blanks" if blanks else "", "nbsp" if nbsp else "", len(raw_lines), len(keep), len(drop),
                      gold["published"]))
    for s in stats:
        print(*s, sep="\t")


if __name__ == "__main__":
    build()
