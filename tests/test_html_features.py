"""DOM hints as classifier features (issue 18: "each line carries DOM hints ... as features
beside the text ones"): html_features.weigh changes the scores the densest run is taken on."""

from __future__ import annotations

from khabar.core.html_features import weigh_for
from khabar.core.html_read import Hints
from khabar.core.model import Line
from khabar.core.pipeline import clean_record
from tests.test_html import BODY, TITLE, article_page

TEASER = ("در این گزارش می‌خوانید که مسئولان استان درباره وضعیت جاده‌ها و بارش باران در روزهای آینده "
          "چه گفتند و مردم باید چه کارهایی انجام دهند تا در سفرهای خود دچار مشکل نشوند")


def test_fifteen_one_line_paragraphs_inside_the_article_do_not_cut_it():
    names = "".join(f"<p>تیم شماره {i}</p>" for i in range(15))
    page = article_page().replace(f"<p>{BODY[0]}</p>", f"<p>{BODY[0]}</p>{names}", 1)
    record = clean_record(page.encode(), path="page.html")
    paragraphs = record["text"].split("\n\n")
    assert record["title"] == TITLE
    assert paragraphs[0] == BODY[0] and paragraphs[-2:] == BODY[1:]
    assert "تیم شماره 14" in paragraphs


def test_a_list_of_thirty_plain_items_inside_the_article_does_not_cut_it():
    players = "<ul>" + "".join(f"<li>بازیکن شماره {i}</li>" for i in range(30)) + "</ul>"
    page = article_page().replace(f"<p>{BODY[0]}</p>", f"<p>{BODY[0]}</p>{players}", 1)
    record = clean_record(page.encode(), path="page.html")
    paragraphs = record["text"].split("\n\n")
    assert paragraphs[0] == BODY[0] and paragraphs[-2:] == BODY[1:] and len(paragraphs) == 33
    assert record["subheadings"] == []


def test_paragraphs_that_are_links_to_other_pages_after_the_article_are_not_its_text():
    box = "".join(f'<p><a href="/news/{i}">{TEASER} شماره {i}.</a></p>' for i in range(4))
    page = article_page().replace("<footer>", f"<div class='x'>{box}</div><footer>", 1)
    record = clean_record(page.encode(), path="page.html")
    assert record["text"].split("\n\n") == BODY


def test_weigh_lets_a_short_own_paragraph_cost_nothing_and_a_link_line_outside_earn_nothing():
    own = Hints(in_article=True, paragraph=True)
    teaser = Hints(paragraph=True, link_density=1.0)
    weigh = weigh_for([own, teaser, Hints(in_article=True, paragraph=True, words=frozenset({"share"}))], True)
    assert weigh(Line("تیم اول", (1,)), "short", -3.0) == 0.0
    assert weigh(Line(TEASER, (2,)), "prose", 25.0) < 0
    assert weigh(Line("اشتراک", (3,)), "short", -3.0) == -3.0  # a share box's word is no paragraph
    assert weigh_for([teaser], False)(Line(TEASER, (1,)), "prose", 25.0) == 25.0  # no region: no outside
