#!/usr/bin/env python3
"""Write HTML article pages in the styles of many Persian news sites, with their gold.

    make.py OUT [--per-style 6] [--seed 17] [--styles a,b]

Writes OUT/dev/{raw,gold} and OUT/unseen/{raw,gold}: raw/<style>-<n>.html and
gold/<style>-<n>.json in the form of ../shared/cases/dev/gold (read by
../shared/eval/score.py; ../shared/eval/shapes.py turns each part into every
text shape). Styles are split into parts as whole sites (`part` in styles.toml),
so `unseen` pages come from site styles never tuned on.

The site styles are data: styles.toml (fragments, flags), templates/*.html
(page skeletons, string.Template) and furniture.toml (menus, buttons, comments,
footers). Article texts are real: title, lead, paragraphs and tags from
../shared/corpus/*.jsonl. Seeded: the same arguments give the same bytes.

Fields a fragment may use: {text} {title} {alt} {caption} {img} {url} {url2}
{title2} {lead} {rel} {name} {cdate} {likes} {dislikes} {author} {minutes} {n}
{tag} {slug} {utag} (a hashtag: words joined by _) {code} {issue} {section}
{k} {pending} {rejected} (comment counts) and the dates: {weekday} {jd} {jd2} {jm2}
{jmonth} {jy} {hh} {mi} {iso}, Gregorian {d2} {m2} {y} {gd} {gmonth} {emonth},
the day in words {jdw}, the 12-hour clock {h12} {ampm}; the update line: {ud2}
{um2} {uy} {uhh} {umi}.

More parts than dev and unseen: every styles*.toml is read (styles_unseen2.toml
holds the `unseen2` part) and every furniture*.toml. Values only newer templates
use (${author}, ${most_viewed}, ${most_commented}, ${later_date}, ${comment_head},
${views}) are drawn only when a template names them, so the
pages of older styles keep their bytes.

Gold: `keep` are windows of the body's paragraphs, its subheadings and line-up
lines; `drop` are the page's other text nodes (menus, dates, codes, labels,
buttons, tags, related lists, comments, footer); image captions and sign-off
lines such as «انتهای پیام/» are in neither.
"""
from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import random
import re
import sys
import tomllib
import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from string import Template
from zoneinfo import ZoneInfo

import jdatetime

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[2] / "shared" / "corpus"
TEHRAN = ZoneInfo("Asia/Tehran")
FA_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
# Windows-1256 has neither Persian 'ی' nor Persian digits: its pages write these.
CP1256 = str.maketrans({"ی": "ي", **{chr(0x06F0 + i): str(i) for i in range(10)}})
FOLD = str.maketrans({
    "ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "أ": "ا", "إ": "ا",
    "ٱ": "ا", "ؤ": "و", "\u0640": None,
    **{chr(0x06F0 + i): str(i) for i in range(10)},
    **{chr(0x0660 + i): str(i) for i in range(10)},
})
SHORT = 12  # as score.py: a shorter dropped snippet leaks only as a whole line
SIGN_OFF = re.compile(r"^\s*(انتهای (پیام|متن|خبر)\s*/?|منبع\s*:.{0,30})\s*$")
MENU_ITEM = '<li><a href="/service/{i}">{m}</a></li>'
SKIP = {"script", "style", "noscript", "template", "svg", "head", "title"}


def fold(text: str | None) -> str:
    """The folding of score.py: letters and digits only, one spelling."""
    text = unicodedata.normalize("NFKC", text or "").translate(FOLD)
    return "".join(ch for ch in text if ch.isalnum()).lower()


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def attr(text: str) -> str:
    return html.escape(text, quote=True)


def slug(text: str) -> str:
    return "-".join(re.sub(r"[^\w\s\u200c-]", "", text).split()[:8])


def numeric_refs(text: str) -> str:
    """What some CMSs write: every non-ASCII letter as a decimal reference."""
    return "".join(c if ord(c) < 128 else f"&#{ord(c)};" for c in text)


class TextNodes(HTMLParser):
    """The page's visible text nodes, whitespace collapsed, entities decoded."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skip, self.nodes = 0, []

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in SKIP:
            self.skip = max(0, self.skip - 1)

    def handle_data(self, data):
        text = " ".join(data.replace("\xa0", " ").split())
        if text and not self.skip:
            self.nodes.append(text)


def load_corpus() -> dict[str, list[dict]]:
    out = {}
    for path in sorted(CORPUS.glob("*.jsonl")):
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        # Pages need a body: a few paragraphs, none of them a wall of 2,000 letters.
        out[path.stem] = [r for r in rows if 3 <= len(r["paragraphs"]) <= 12
                          and max(map(len, r["paragraphs"])) < 1500 and r["title"].strip()]
    return out


class Page:
    """One article page of one style: the values its fragments are filled with."""

    def __init__(self, name: str, style: dict, furniture: dict, corpus: list[dict], n: int, rng: random.Random):
        self.name, self.s, self.f, self.rng, self.n = name, style, furniture, rng, n
        self.corpus = corpus
        # A site that shows tags mostly has them (half the agency corpus has none).
        tagged = [r for r in corpus if r["tags"]] if style["tags_wrap"] and rng.random() < 0.85 else corpus
        self.art = tagged[rng.randrange(len(tagged))]
        self.others = [corpus[rng.randrange(len(corpus))] for _ in range(14)]
        self.others = [o for o in self.others if o["title"] != self.art["title"]]
        self.sports = style["corpus"] == "varzesh3"
        menu = furniture["menu_sports"] if self.sports else (
            furniture["menu_tech"] if name == "techblog" else (
                furniture["menu_region"] if name == "regional" else furniture["menu_news"]))
        self.menu = rng.sample(menu, min(len(menu), rng.randint(8, 12)))
        self.section = rng.choice([m for m in self.menu if "صفحه" not in m])
        # A publication instant in Tehran (or the style's tz; 2012-2023), and a later update.
        day = dt.datetime(2012, 3, 21) + dt.timedelta(days=rng.randrange(4000), minutes=rng.randrange(7 * 60, 23 * 60))
        self.when = day.replace(tzinfo=ZoneInfo(style["tz"]) if "tz" in style else TEHRAN)  # Kabul for Afghan sites
        self.updated = self.when + dt.timedelta(days=rng.randint(1, 20), minutes=rng.randrange(600))
        self.code = str(rng.randrange(10 ** (style["code"] - 1), 10 ** style["code"])) if style["code"] else ""
        if style["code"] >= 13:  # agency codes that start with the Jalali date
            j = jdatetime.date.fromgregorian(date=self.when.date())
            self.code = f"{j.year}{j.month:02}{j.day:02}" + self.code[8:]
        # The corpus keeps a few stray tags ('\u200c', '\u200c پول'): a page shows none of those.
        self.tags = [t.strip(" \u200c\u200f\u200e") for t in self.art["tags"]]
        self.tags = [t for t in self.tags if len(fold(t)) >= 2][:6]
        base = f"https://{style['domain']}"
        self.url = (f"{base}/news/{self.code}/{slug(self.art['title'])}" if self.code else
                    f"{base}/{self.when:%Y/%m/%d}/{slug(self.art['title'])}/")
        st = furniture["sports_surtitles" if self.sports else "surtitles"]
        self.surtitle = rng.choice(st) if style["surtitle"] else None
        self.lead = self.art["lead"].strip() if style["lead"] and self.art["lead"].strip() else None

    # ------------------------------------------------------------ values
    def dates(self, when: dt.datetime, prefix: str = "") -> dict:
        j = jdatetime.datetime.fromgregorian(datetime=when.replace(tzinfo=None))
        v = {"weekday": self.f["weekdays"][j.weekday()], "jd": j.day, "jd2": f"{j.day:02}",
             "jm2": f"{j.month:02}", "jmonth": self.f[self.s.get("months", "months")][j.month - 1], "jy": j.year,
             "hh": f"{when.hour:02}", "mi": f"{when.minute:02}", "iso": when.isoformat(),
             "d2": f"{when.day:02}", "m2": f"{when.month:02}", "y": when.year}
        if "gmonths" in self.f:  # the words of furniture_unseen2.toml: no draw, older pages unchanged
            v.update(gd=when.day, gmonth=self.f["gmonths"][when.month - 1],
                     emonth=self.f["emonths"][when.month - 1], jdw=self.f["day_words"][j.day - 1],
                     h12=(when.hour % 12) or 12, ampm="ق.ظ" if when.hour < 12 else "ب.ظ")
        return {prefix + k: v for k, v in v.items()} if prefix else v

    def digits(self, text: str) -> str:
        """Persian digits in the text a page shows, never inside markup or entities."""
        if self.s["digits"] != "fa":
            return text
        return re.sub(r"(<[^>]*>|&#?\w+;)|([0-9]+)",
                      lambda m: m.group(1) or m.group(2).translate(FA_DIGITS), text)

    def fill(self, fragment: str, **values) -> str:
        u = self.dates(self.updated)
        base = {**self.dates(self.when), "ud2": u["d2"], "um2": u["m2"], "uy": u["y"],
                "uhh": u["hh"], "umi": u["mi"], "code": self.code, "section": esc(self.section),
                "issue": self.rng.randint(5000, 8999), "n": self.rng.randint(100, 9999)}
        return self.digits(fragment.format(**{**base, **values}))

    def other(self, i: int) -> dict:
        return self.teaser(self.others[i % len(self.others)])

    def teaser(self, o: dict) -> dict:
        code = self.rng.randrange(10 ** 6, 10 ** 7)
        return {"title": esc(o["title"]), "url": f"/news/{code}/{slug(o['title'])}",
                "lead": esc(o["lead"][:160]), "img": f"{code:x}", "rel": self.relative(),
                "author": self.rng.choice(self.f["comment_names"]), "minutes": self.rng.randint(2, 14)}

    def later(self) -> dict:
        """A time after publication (a comment's), as its date fields."""
        d = self.dates(self.when + dt.timedelta(minutes=self.rng.randrange(20, 3000)))
        return {"cd": d["jd"], "cmonth": d["jmonth"], "cy": d["jy"], "chh": d["hh"], "cmi": d["mi"]}

    def relative(self) -> str:
        return self.rng.choice(self.f["relative"]).format(n=self.rng.randint(2, 50))

    # ------------------------------------------------------------ parts
    def body(self) -> tuple[str, list[str], list[str]]:
        """The article body's HTML, its keep snippets and its content lines."""
        s, rng = self.s, self.rng
        out, keep, lines = [], [], []
        for i, para in enumerate(p.strip() for p in self.art["paragraphs"]):
            if not para:
                continue
            heading = len(para) < 70 and not re.search(r"[.!؟?:؛]\s*$", para) and not SIGN_OFF.match(para)
            out.append(self.fill(s["subhead" if heading else "para"], text=esc(para)))
            lines.append(para)
            if not SIGN_OFF.match(para):
                keep.append(para if heading or len(para) < 60 else self.window(para))
                if len(para) > 250:  # a long paragraph: a second window, from its second half
                    keep.append(self.window(para[len(para) // 2:].split(" ", 1)[-1]))
            if i == 0:
                cap = rng.choice(self.f["captions"]).format(site_short=s["site_short"], title=self.art["title"])
                out.append(self.fill(s["figure"], alt=attr(self.art["title"]), caption=esc(cap),
                                     img=f"{rng.randrange(16 ** 8):08x}"))
            if i == 1 and s["readmore"] and rng.random() < 0.7:
                a, b = self.other(20), self.other(21)
                out.append(self.fill(s["readmore"], **a, url2=b["url"], title2=b["title"]))
        if s.get("lineup") and self.n % 2 == 0:
            html_, k, ls = self.lineup()
            out.append(html_)
            keep += k
            lines += ls
        return "\n".join(out), keep, lines

    def window(self, para: str) -> str:
        """About ten words from one place of a paragraph, as a human annotator takes them."""
        words = para.split()
        size = min(len(words), self.rng.randint(8, 12))
        start = self.rng.randrange(0, len(words) - size + 1)
        return " ".join(words[start:start + size])

    def lineup(self):
        rng, f = self.rng, self.f
        home, away = rng.sample(f["teams"], 2)
        parts, keep, lines = [self.fill(self.s["subhead"], text="ترکیب دو تیم")], ["ترکیب دو تیم"], ["ترکیب دو تیم"]
        for team in (home, away):
            players = rng.sample(f["players"], 11)
            head = f"{team}:"
            parts.append(f"<p><strong>{esc(head)}</strong></p><ul class=\"lineup\">"
                         + "".join(f"<li>{esc(p)}</li>" for p in players) + "</ul>")
            coach = f"سرمربی: {rng.choice(f['coaches'])}"
            parts.append(f"<p>{esc(coach)}</p>")
            keep += [head, *rng.sample(players, 3)]
            lines += [head, *players, coach]
        return "\n".join(parts), keep, lines

    def head_meta(self) -> tuple[str, str]:
        s, a, title = self.s, self.art, esc(self.art["title"])
        desc = attr((self.lead or a["paragraphs"][0])[:300])
        iso, out = self.when.isoformat(timespec="seconds"), []
        want = set(s["head"])
        if "description" in want:
            out.append(f'<meta name="description" content="{desc}">')
        if "keywords" in want and self.tags:
            out.append(f'<meta name="keywords" content="{attr(",".join(self.tags))}">')
        if "canonical" in want:
            out.append(f'<link rel="canonical" href="{attr(self.url)}">')
        if "og" in want:
            out += [f'<meta property="og:title" content="{attr(a["title"])}">',
                    f'<meta property="og:description" content="{desc}">',
                    '<meta property="og:type" content="article">',
                    f'<meta property="og:url" content="{attr(self.url)}">',
                    f'<meta property="og:site_name" content="{attr(s["site"])}">',
                    f'<meta property="og:image" content="https://{s["domain"]}/d/{self.code or 1}.jpg">']
        if "twitter" in want:
            out += ['<meta name="twitter:card" content="summary_large_image">',
                    f'<meta name="twitter:title" content="{attr(a["title"])}">',
                    f'<meta name="twitter:description" content="{desc}">']
        if "article" in want:
            out += [f'<meta property="article:published_time" content="{iso}">',
                    f'<meta property="article:section" content="{attr(self.section)}">']
            out += [f'<meta property="article:tag" content="{attr(t)}">' for t in self.tags]
        jsonld = ""
        if "jsonld" in want:
            ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"],
                  "description": (self.lead or "")[:300], "datePublished": iso,
                  "dateModified": self.updated.isoformat(timespec="seconds"),
                  "mainEntityOfPage": self.url, "keywords": ", ".join(self.tags),
                  "publisher": {"@type": "Organization", "name": s["site"]},
                  "author": {"@type": "Person", "name": self.rng.choice(self.f["comment_names"])}}
            jsonld = ('<script type="application/ld+json">'
                      + json.dumps(ld, ensure_ascii=False).replace("</", "<\\/") + "</script>")
        del title
        return "\n".join(out), jsonld

    def comments(self) -> tuple[str, int]:
        if not self.s["comment"]:
            return "", 0
        k = self.rng.randint(0, 4)
        out = []
        for c in self.rng.sample(self.f["comments"], k):
            out.append(self.fill(self.s["comment"], name=esc(self.rng.choice(self.f["comment_names"])),
                                 text=esc(c), cdate=self.fill("{cd} {cmonth} {cy} - {chh}:{cmi}", **self.later()),
                                 rel=self.relative(), likes=self.rng.randint(0, 90), dislikes=self.rng.randint(0, 30)))
            if self.s.get("reply") and self.rng.random() < 0.5:  # a threaded answer under the comment
                out.append(self.fill(self.s["reply"], name=esc(self.rng.choice(self.f["reply_names"])),
                                     text=esc(self.rng.choice(self.f["replies"])),
                                     cdate=self.fill("{cd} {cmonth} {cy} - {chh}:{cmi}", **self.later()),
                                     rel=self.relative(), likes=self.rng.randint(0, 90), dislikes=self.rng.randint(0, 30)))
        return "\n".join(out), k

    def headlines(self, k: int) -> list[dict]:
        """k more teasers of other articles, for the long lists (latest, most viewed, most commented)."""
        rows = [self.corpus[self.rng.randrange(len(self.corpus))] for _ in range(k)]
        return [self.teaser(o) for o in rows if o["title"] != self.art["title"]]

    def extras(self, template: str, ncomments: int) -> dict:
        """Values only newer templates use, drawn only when the template names them."""
        s, f, rng, out = self.s, self.f, self.rng, {}
        if "${author}" in template:
            out["author"] = esc(rng.choice(f["authors"]))
        if "${views}" in template:
            out["views"] = self.digits(str(rng.randint(120, 48000)))
        if "${later_date}" in template:  # a later day: the day the page was saved, or updated
            out["later_date"] = self.fill(s.get("later_date", "{weekday} {jd} {jmonth} {jy}"), **self.dates(self.updated))
        for key in ("most_viewed", "most_commented"):
            if f"${{{key}}}" in template:
                item = s.get("list_item", s["related_item"])
                out[key] = "\n".join(self.fill(item, **o) for o in self.headlines(rng.randint(8, 10)))
        if "${comment_head}" in template:
            out["comment_head"] = self.fill(s["comment_head"], k=ncomments, pending=rng.randint(0, 9),
                                            rejected=rng.randint(0, 4))
        return out

    def render(self) -> tuple[bytes, dict]:
        s, f, rng = self.s, self.f, self.rng
        body, keep, lines = self.body()
        meta, jsonld = self.head_meta()
        comments, ncomments = self.comments()
        tags = ""
        if s["tags_wrap"] and self.tags:
            sep = s["tag_sep"]
            items = sep.join(self.fill(s["tag_item"], tag=esc(t), slug=attr(slug(t)), utag=esc("_".join(t.split())))
                           for t in self.tags)
            tags = self.fill(s["tags_wrap"], items=items.replace("{", "{{").replace("}", "}}"))
        if s["source"] and s.get("sources"):  # [shown name, short name] pairs
            source_gold = list(rng.choice(s["sources"]))
        else:
            source_name = ("ورزش سه" if self.sports else "خبرگزاری فارس") if s["source"] else None
            source_gold = [source_name, source_name.replace("خبرگزاری ", "")] if source_name else None
        source_name = source_gold[0] if source_gold else None
        related = [self.other(i) for i in range(rng.randint(5, 8))]
        latest = [self.other(i + 8) for i in range(rng.randint(4, 6))]
        charset = ('<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'
                   if s["charset"] == "windows-1256" else '<meta charset="utf-8">')
        title = self.art["title"]
        values = {
            "charset_meta": charset, "head_meta": meta, "jsonld": jsonld,
            "head_title": self.fill(s["head_title"], title=esc(title), site=esc(s["site"]),
                                    site_short=esc(s["site_short"])),
            "site": esc(s["site"]), "site_short": esc(s["site_short"]), "domain": s["domain"],
            "url": attr(self.url), "section": esc(self.section),
            "menu": "\n".join(s.get("menu_item", MENU_ITEM).format(i=i, m=esc(m)) for i, m in enumerate(self.menu)),
            "top_links": "\n".join(f'<li><a href="/page/{i}">{esc(t)}</a></li>'
                                   for i, t in enumerate(rng.sample(f["top_links"], 5))),
            "today": self.fill("امروز: {weekday} {jd} {jmonth} {jy}"),
            "surtitle": esc(self.surtitle or ""), "title": esc(title), "lead": esc(self.lead or ""),
            "date_block": self.fill(s["date_block"]),
            "update_block": self.fill(s.get("update_block", "")),
            "code_block": self.fill(s["code_block"]) if self.code else "",
            "tools": "\n".join(f'<a href="#" class="tool">{esc(t)}</a>' for t in rng.sample(f["tools"], 4)),
            "body": body, "tags": tags,
            "source": s.get("source_line", "منبع: {source}").format(source=esc(source_name)) if source_name else "",
            "related_head": esc(rng.choice(f["related_heads"][:4])),
            "latest_head": esc(rng.choice(f["related_heads"][4:])),
            "related": "\n".join(self.fill(s["related_item"], **o) for o in related),
            "latest": "\n".join(self.fill(s["related_item"], **o) for o in latest),
            "comments": comments, "comment_count": self.digits(f"نظرات ({ncomments})"),
            "comment_rules": "\n".join(f"<li>{esc(r)}</li>" for r in f["comment_rules"]),
            "footer": "\n".join(f"<p>{esc(x.format(site=s['site'], site_short=s['site_short']))}</p>"
                                for x in rng.sample(f["footer_lines"], 3)),
            "apps": "\n".join(f'<a href="#">{esc(x)}</a>' for x in f["apps"]),
            "newsletter": "".join(f"<span>{esc(x)}</span>" for x in f["newsletter"]),
        }
        if s["entities"] == "numeric":  # the article as decimal references
            for k in ("title", "lead", "surtitle", "body"):
                values[k] = re.sub(r"(<[^>]*>)|([^<]+)", lambda m: m.group(1) or numeric_refs(m.group(2)), values[k])
        if s["entities"] == "nbsp":
            values["source"] = values["source"].replace(": ", ":&nbsp;")
        text = (HERE / "templates" / f"{s['template']}.html").read_text(encoding="utf-8")
        values.update(self.extras(text, ncomments))
        page = Template(text).substitute(values)
        gold = self.gold(page, keep, lines, source_gold)
        if s["charset"] == "windows-1256":
            return page.translate(CP1256).encode("cp1256", "xmlcharrefreplace"), gold
        return page.encode("utf-8"), gold

    def gold(self, page: str, keep: list[str], lines: list[str], source: list[str] | None) -> dict:
        article = [self.art["title"], self.surtitle or "", self.lead or "", *lines]
        content = fold("\n".join(article))
        content_lines = {fold(x) for x in article}
        parser = TextNodes()
        parser.feed(page)
        caps = {fold(c.format(site_short=self.s["site_short"], title=self.art["title"])) for c in self.f["captions"]}
        drop, seen = [], set()
        for node in parser.nodes:
            k = fold(node)
            if len(k) < 2 or k in seen or k in content_lines or k in caps or SIGN_OFF.match(node):
                continue
            if len(k) >= SHORT and k in content:
                continue  # a tag or a menu word the article itself uses
            seen.add(k)
            drop.append(node)
        published = self.when.isoformat(timespec="seconds") if self.s["time"] else self.when.date().isoformat()
        gold = {"title": self.art["title"], "surtitle": self.surtitle, "lead": self.lead,
                "published": published, "news_id": self.code or None,
                "tags": self.tags if self.s["tags_wrap"] else [],
                "keep": keep, "drop": drop}
        if self.s["source"]:
            gold["source"] = source
        return gold


def load_tables(stem: str) -> dict:
    """STEM.toml and every STEM_*.toml beside it (a new part's styles, its furniture), as one table."""
    out: dict = {}
    for path in [HERE / f"{stem}.toml", *sorted(HERE.glob(f"{stem}_*.toml"))]:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
        if twice := set(out) & set(table):
            raise SystemExit(f"{path.name}: {', '.join(sorted(twice))} already defined")
        out.update(table)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--per-style", type=int, default=6)
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--styles", help="comma-separated style names (default: all)")
    args = ap.parse_args()
    styles, furniture = load_tables("styles"), load_tables("furniture")
    corpus = load_corpus()
    names = args.styles.split(",") if args.styles else list(styles)
    count = 0
    for name in names:
        style = styles[name]
        rng = random.Random(f"{args.seed}:{name}")
        for part in ("raw", "gold"):
            (args.out / style["part"] / part).mkdir(parents=True, exist_ok=True)
        for n in range(args.per_style):
            page, gold = Page(name, style, furniture, corpus[style["corpus"]], n, rng).render()
            case = f"{name}-{n + 1:02}"
            (args.out / style["part"] / "raw" / f"{case}.html").write_bytes(page)
            (args.out / style["part"] / "gold" / f"{case}.json").write_text(
                json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            count += 1
    print(f"{count} pages in {len(names)} styles in {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
