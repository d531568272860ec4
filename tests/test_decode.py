import codecs
import json
import random
import subprocess
import sys
from pathlib import Path

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


# Damaged UTF-8 against Windows-1256: whichever reading explains more of the bytes as text.
ROOT = Path(__file__).resolve().parent.parent
SEED_PAGE = (ROOT / "seeds" / "000_7619606070423613.txt").read_bytes()
CP1256_PAGES = [ROOT / "seeds" / "varzesh3_lineup_windows1256.txt"] + [
    p for p in sorted((ROOT.parent / "shared" / "cases" / "dev" / "raw").glob("*.txt"))
    if p.name in ("irna-022.txt", "irna-028.txt", "mehr-056.txt", "seedlike-024.txt", "tabnak-031.txt")]


def test_a_short_utf8_line_with_a_few_bad_bytes_is_utf8_with_them_counted():
    d = decode("کد خبر: 12 ".encode() + b"\xff\xfe\xfa" + " متن خراب\n".encode())
    assert (d.encoding, d.replaced) == ("utf-8", 3)
    assert d.text == "کد خبر: 12 \ufffd\ufffd\ufffd متن خراب\n"


def test_a_few_persian_letters_outnumbering_bad_bytes_are_utf8():
    d = decode("خبر ".encode() + b"\xd8\xff" + " نو".encode())  # a cut letter, a stray byte
    assert d.encoding == "utf-8" and d.replaced == 2 and d.text.startswith("خبر ")


def test_a_long_utf8_page_with_a_few_bad_bytes_is_utf8_with_them_counted():
    page = SEED_PAGE * 20  # 94 KB
    data = page
    for at in (1000, 40000, 90000):
        at = data.index(b" ", at)
        data = data[:at] + b"\xff" + data[at:]  # a stray byte between two words
    d = decode(data)
    assert d.encoding == "utf-8" and d.replaced == 3
    assert d.text.replace("\ufffd", "") == page.decode()


def test_a_page_with_a_cut_utf8_letter_at_its_end_is_utf8():
    d = decode("بی".encode() + b"\xd8")  # a download cut inside the last letter
    assert (d.text, d.encoding, d.replaced) == ("بی\ufffd", "utf-8", 1)


@pytest.mark.parametrize("page", CP1256_PAGES, ids=lambda p: p.name)
def test_real_windows_1256_pages_are_read_as_windows_1256(page):
    d = decode(page.read_bytes())
    assert d.encoding == "windows-1256" and d.replaced == 0
    assert d.text == page.read_bytes().decode("cp1256")


def test_the_dev_windows_1256_pages_are_all_there():
    assert len(CP1256_PAGES) == 6  # the five dev pages are found: the test above reads them all


def test_a_windows_1256_page_with_utf8_looking_pairs_is_windows_1256():
    # In Windows-1256 'عک' is DA 98 and 'اک' C7 98: valid UTF-8 (ژ and ǘ) by chance.
    text = "عکس از خبرنگار: یک عکاس در پاکستان\nعکسها و گزارش کامل در ادامه.\n" * 3
    data = text.replace("ی", "ي").encode("cp1256")
    assert "ژ" in data.decode("utf-8", errors="replace")  # the pairs are there
    d = decode(data)
    assert d.encoding == "windows-1256" and d.text == text.replace("ی", "ي")


def test_a_short_windows_1256_word_is_windows_1256():
    assert decode("عکس".encode("cp1256")).text == "عکس"


@pytest.mark.parametrize("seed", range(5))
def test_binary_junk_without_nul_bytes_is_still_refused(seed):
    rng = random.Random(seed)
    junk = bytes(rng.randrange(0x80, 0x100) for _ in range(4000))
    with pytest.raises(InputError, match=r"^blob\.txt: not UTF-8, UTF-16 or Windows-1256 text"):
        decode(junk, path="blob.txt")


def test_a_short_utf8_file_with_bad_bytes_is_cleaned_with_them_counted(tmp_path):
    page = tmp_path / "page.txt"
    page.write_bytes("کد خبر: 12 ".encode() + b"\xff\xfe\xfa" + " متن خراب\n".encode())
    khabar = Path(sys.executable).parent / "khabar"
    proc = subprocess.run([khabar, "clean", page], capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()
    article = json.loads(proc.stdout)
    assert article["encoding"] == "utf-8" and article["news_id"] == "12"
    assert "3 undecodable bytes replaced with U+FFFD" in article["warnings"]
