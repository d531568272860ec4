import codecs

import pytest

from khabar.core.decode import decode
from khabar.core.errors import InputError

TEXT = "کد خبر: ۱۲۳\nسلام دنیا، این یک متن فارسی است.\n"


def test_utf8_is_read_as_is():
    d = decode(TEXT.encode("utf-8"))
    assert (d.text, d.encoding, d.replaced) == (TEXT, "utf-8", 0)


def test_utf8_bom_is_removed():
    d = decode(codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    assert d.text == TEXT and d.encoding == "utf-8 (BOM)"


@pytest.mark.parametrize("bom,codec", [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_utf16_with_bom(bom, codec):
    assert decode(bom + TEXT.encode(codec)).text == TEXT


def test_utf16_without_bom_is_recognised_by_its_zero_bytes():
    assert decode(TEXT.encode("utf-16-le")).text == TEXT


def test_windows_1256_is_recognised():
    text = "كد خبر: 123\nسلام دنيا، اين يك متن فارسي است.\n"
    d = decode(text.encode("cp1256"))
    assert d.text == text and d.encoding == "windows-1256"


def test_binary_file_is_refused_with_its_name():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    with pytest.raises(InputError, match=r"^pics/a\.txt: binary data"):
        decode(png, path="pics/a.txt")


def test_a_few_broken_bytes_are_replaced_and_counted():
    data = TEXT.encode("utf-8")[:-3] + b"\n"  # the last letter lost its second byte
    d = decode(data)
    assert d.replaced == 1 and "\ufffd" in d.text


def test_empty_input_is_empty_text():
    assert decode(b"").text == ""


def test_utf8_once_read_as_latin1_is_repaired_and_said_so():
    mangled = TEXT.encode("utf-8").decode("latin-1").encode("utf-8")
    d = decode(mangled)
    assert d.text == TEXT and d.unmangled


def test_latin_text_with_accents_is_left_alone():
    text = "Café Ütopia — déjà vu à Zürich\n"
    assert decode(text.encode("utf-8")).text == text
