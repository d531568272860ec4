"""The whole pipeline on the seed: what the user's sample page must give."""

from khabar.core.pipeline import Config, clean_bytes, clean_text
from khabar.core.normalize import NormalizeConfig
from khabar.core.model import Kind


def test_the_seed_gives_every_field(seed_bytes):
    a = clean_bytes(seed_bytes, path="seed.txt")
    assert a.title == "زیرساخت صدور کارت ملی ایرانیان خارج از کشور در دولت سیزدهم فراهم شد"
    assert a.surtitle == "هاشم کارگر، رئیس سازمان ثبت احوال کشور"
    assert (a.news_id, a.published, a.source) == ("2855", "2022-08-23T13:56:00+04:30", "خبرگزاری ایرنا")
    assert a.subheadings == ["تسریع صدور مدارک هویتی زائران اربعین"]
    assert a.tags == []


def test_the_seed_text_is_ten_paragraphs_and_a_subheading_and_nothing_else(seed_bytes):
    a = clean_bytes(seed_bytes)
    blocks = a.text.split("\n\n")
    assert len(blocks) == 11
    assert blocks[4] == "تسریع صدور مدارک هویتی زائران اربعین"
    for boilerplate in ("کدخبر", "پرینت", "image", "منبع:", "آخرین اخبار", "ویدانیوز", "\u00a0"):
        assert boilerplate not in a.text


def test_every_line_of_the_page_gets_a_kind_and_removed_lines_a_reason(seed_bytes):
    a = clean_bytes(seed_bytes)
    assert all(item.reason for item in a.lines if not item.kind.kept)
    assert [item.kind for item in a.lines][:3] == [Kind.METADATA, Kind.SURTITLE, Kind.TITLE]


def test_cleaning_its_own_text_again_keeps_every_paragraph(seed_bytes):
    a = clean_bytes(seed_bytes)
    again = clean_text(a.title + "\n" + a.text)
    assert again.text == a.text


def test_no_repair_keeps_letters_as_scraped():
    page = "عنوان خبر كوتاه\nرئيس سازمان گفت: اين يك متن طولاني براي آزمايش است كه بايد بماند و تغيير نكند.\n"
    config = Config(normalize=NormalizeConfig(**{k: False for k in NormalizeConfig.__dataclass_fields__
                                                 if isinstance(getattr(NormalizeConfig(), k), bool)}))
    assert "ك" in clean_text(page, config=config).text
    assert "ك" not in clean_text(page).text


def test_an_empty_page_is_an_empty_article_with_a_warning():
    a = clean_bytes(b"")
    assert a.text == "" and a.title is None and a.warnings == ["no article text found"]


def test_the_language_is_reported_and_a_foreign_page_still_cleaned():
    persian = clean_bytes(open(__file__.replace("test_pipeline.py", "../seeds/000_7619606070423613.txt"), "rb").read())
    assert persian.language == "fa" and not any("not a Persian page" in w for w in persian.warnings)
    english = clean_bytes(b"Home\nNews\nA headline about the weather\n"
                          b"The weather service said on Monday that heavy rain will fall across the north "
                          b"of the country this week, and asked drivers to take care on the roads.\n")
    assert english.language == "und-Latn" and "not a Persian page (language: und-Latn)" in english.warnings
    arabic = clean_bytes("قال رئيس الوزراء في مؤتمر صحفي إن الحكومة ستعمل على تحسين الاقتصاد في هذا العام.".encode())
    assert arabic.language == "ar"


def test_remembered_lines_are_the_same_when_the_memory_fills_up(monkeypatch):
    from dataclasses import replace

    from khabar.core import pipeline
    from khabar.core.normalize import normalize

    monkeypatch.setattr(pipeline, "LINE_MEMO_MAX_LINES", 3)
    monkeypatch.setattr(pipeline, "_line_memo", {})
    light = replace(NormalizeConfig(), halfspaces=False)
    page = "كتاب يك\nصفحه   نخست\nاخبار ورزشي\nمتن  خبر"
    want = normalize(page, config=light).text
    assert [pipeline._normalized(page, light) for _ in range(4)] == [want] * 4
