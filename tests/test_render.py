import json

from khabar.core.model import Article, Kind, Labeled, Line
from khabar.core.render import record, to_dict, to_json, to_jsonl, to_markdown

CONTRACT = ["path", "title", "surtitle", "lead", "published", "news_id", "source", "tags", "text"]


def article():
    lines = [Labeled(Line("عنوان خبر", (1,)), Kind.TITLE),
             Labeled(Line("پاراگراف اول.", (2,)), Kind.PARAGRAPH),
             Labeled(Line("میان‌تیتر", (3,)), Kind.SUBHEADING),
             Labeled(Line("# نه یک عنوان", (4,)), Kind.PARAGRAPH),
             Labeled(Line("پرینت خبر", (5,)), Kind.BOILERPLATE, "share-print")]
    return record(Article(path="a.txt", title="عنوان خبر", published="2022-08-23T13:56:00+04:30",
                          tags=["کارت ملی"], text="پاراگراف اول.\n\nمیان‌تیتر\n\n# نه یک عنوان", lines=lines))


def test_json_has_the_contract_fields_and_no_unicode_escapes():
    out = to_json(article())
    assert "\\u" not in out and "عنوان خبر" in out
    assert list(json.loads(out))[:5] == CONTRACT[:5]
    assert set(CONTRACT) <= set(json.loads(out))


def test_jsonl_is_one_line_per_article():
    out = to_jsonl(article())
    assert out.count("\n") == 1 and json.loads(out)["title"] == "عنوان خبر"


def test_explain_adds_blocks_and_removed_lines_with_reasons():
    data = to_dict(article(), explain=True)
    assert data["blocks"][1] == {"kind": "paragraph", "line": 2, "text": "پاراگراف اول."}
    assert data["removed"] == [{"line": 5, "text": "پرینت خبر", "reason": "share-print"}]
    assert "removed" not in to_dict(article())


def test_markdown_has_rtl_front_matter_title_and_subheadings():
    md = to_markdown(article())
    front, body = md.split("---\n")[1], md.split("---\n", 2)[2]
    assert 'lang: "fa"' in front and 'dir: "rtl"' in front and 'tags: ["کارت ملی"]' in front
    assert "title:" not in front.replace("pagetitle:", "")
    assert body.lstrip().startswith("# عنوان خبر\n")
    assert "\n## میان‌تیتر\n" in body
    assert "\n\\# نه یک عنوان\n" in body  # a paragraph that starts like Markdown syntax is escaped
    assert "پرینت خبر" not in body


def test_a_json_line_stays_one_line_whatever_the_text_holds():
    data = article()
    data["text"] = "یک\u2028دو\u2029سه\x85چهار"
    line = to_jsonl(data)
    assert len(line.splitlines()) == 1 and json.loads(line)["text"] == data["text"]
