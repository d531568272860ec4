"""The library takes a page as bytes or as text alike, and says when it finds nothing."""

import pytest

from khabar.core import clean_bytes, clean_record, clean_text
from tests.conftest import SEED

PAGE = SEED.read_bytes()


def test_clean_bytes_takes_text_as_well_as_bytes():
    from_text, from_bytes = clean_bytes(PAGE.decode(), path="p"), clean_bytes(PAGE, path="p")
    assert from_text.text and from_text.text == from_bytes.text and from_text.title == from_bytes.title
    assert from_text.language == from_bytes.language == "fa"
    assert (from_text.encoding, from_bytes.encoding) == (None, "utf-8")  # text was never decoded


def test_clean_record_gives_the_same_record_for_text_and_bytes():
    from_text, from_bytes = clean_record(PAGE.decode(), path="p"), clean_record(PAGE, path="p")
    assert from_text == from_bytes | {"encoding": None}


@pytest.mark.parametrize("page", ["سلام", "سلام".encode(), "", b""], ids=["text", "bytes", "empty-text", "empty-bytes"])
def test_clean_record_warns_when_no_article_text_is_found(page):
    record = clean_record(page)
    assert record["text"] == "" and "no article text found" in record["warnings"]


def test_clean_text_given_bytes_decodes_them():
    article = clean_text(PAGE, path="p")
    assert article.text == clean_bytes(PAGE, path="p").text and article.encoding == "utf-8"


def test_bytearray_and_memoryview_are_bytes_too():
    assert clean_bytes(bytearray(PAGE)).text == clean_bytes(memoryview(PAGE)).text == clean_bytes(PAGE).text


def test_a_page_that_is_neither_bytes_nor_text_is_a_type_error_that_says_so():
    with pytest.raises(TypeError, match="^a page is bytes or str, not int$"):
        clean_record(3)
