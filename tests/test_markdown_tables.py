"""Issue 17: an old table page through html2text at 78 columns: a paragraph
wrapped inside the article's cell is rejoined, and ends where the cell's line
ends (two spaces), so paragraphs and the lead stay apart."""

import textwrap

from khabar.core.pipeline import clean_bytes
from tests.test_shapes import FOOTER, HEADLINE, MENU, PARAGRAPHS


def test_paragraphs_wrapped_inside_a_markdown_table_cell_are_whole_and_apart():
    cell = [line + "  " for p in PARAGRAPHS for line in [textwrap.fill(p, 78)]]
    table = "\n".join([
        *[f"  * [{item}](/service/{i})" for i, item in enumerate(MENU)],
        "",
        f"# {HEADLINE}",
        "",
        "| کد مطلب: 99042| تاریخ: دوشنبه 7 فروردین 1396 - 13:05  ",
        "---|---  ",
        *"\n".join(cell).split("\n"),
        "",
        *[f"  * [{item}](/page/{i})" for i, item in enumerate(FOOTER)],
    ])
    a = clean_bytes(table.encode())
    assert a.shape == "markdown" and a.text.split("\n\n") == PARAGRAPHS
