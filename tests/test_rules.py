import pytest

from khabar.core.errors import RulesError
from khabar.core.rules import RuleKind, default_rules, load_rules


@pytest.mark.parametrize("line", ["پربیننده‌ترین", "پربیننده ترین", "پربینندهترین", "پربیننده ترین:"])
def test_phrases_match_whatever_the_spacing(line):
    assert default_rules().match(line).name == "related-list"


@pytest.mark.parametrize("line,name", [
    ("بازدید: ۲۴۹۹۲", "counter"),
    ("۳ ساعت پیش", "time-ago"),
    ("انتهای پیام/", "end-of-article"),
    ("© ۲۰۱۴ بی بی سی. بی بی سی مسئول محتوای سایتهای دیگر نیست.", "copyright"),
    ("لینک کوتاه: https://example.ir/x/1", "share-print"),
    ("کلیدواژه‌ها:", "tags"),
])
def test_common_boilerplate_is_named(line, name):
    assert default_rules().match(line).name == name


@pytest.mark.parametrize("line", [
    "رئیس سازمان ثبت احوال کشور گفت: کارت‌ها صادر شد.",
    "تسریع صدور مدارک هویتی زائران اربعین",
    "بازدید رئیس جمهور از نمایشگاه ۲۴ ساعت طول کشید.",
])
def test_article_lines_match_no_rule(line):
    assert default_rules().match(line) is None


def test_user_rules_are_tried_before_khabars_own(tmp_path):
    rules = tmp_path / "site.toml"
    rules.write_text('[[rule]]\nname = "site-promo"\nphrases = ["اپلیکیشن ما را نصب کنید", "آخرین اخبار"]\n',
                     encoding="utf-8")
    loaded = load_rules((str(rules),))
    assert loaded.match("اپلیکیشن ما را نصب کنید").name == "site-promo"
    assert loaded.match("آخرین اخبار").name == "site-promo"
    assert loaded.match("بازدید: ۱۲").name == "counter"


@pytest.mark.parametrize("content,message", [
    ("[[rule]\n", "not valid TOML"),
    ('[[rule]]\nphrases = ["x"]\n', "needs a name"),
    ('[[rule]]\nname = "x"\nkind = "menu"\n', "kind must be one of"),
    ('[[rule]]\nname = "x"\npatterns = ["("]\n', "bad pattern"),
    ('[rule]\nname = "x"\n', "written \\[\\[rule\\]\\]"),
    ('[[rule]]\nname = "x"\nphrases = "abc"\n', "phrases must be a list of strings"),
])
def test_a_bad_rules_file_is_named_in_the_error(tmp_path, content, message):
    rules = tmp_path / "bad.toml"
    rules.write_text(content, encoding="utf-8")
    with pytest.raises(RulesError, match=f"^{rules}.*{message}"):
        load_rules((str(rules),))


def test_a_missing_rules_file_is_an_error(tmp_path):
    with pytest.raises(RulesError, match="cannot read rules file"):
        load_rules((str(tmp_path / "none.toml"),))


def test_every_shipped_rule_has_a_kind_and_something_to_match():
    for rule in default_rules().rules:
        assert isinstance(rule.kind, RuleKind)
        assert rule.phrases or rule.prefixes or rule.patterns, rule.name


@pytest.mark.parametrize("line,name", [
    ("ورزشی > فوتبال جهان", "breadcrumb"),
    ("خبرآنلاین » اقتصادی » بازار", "breadcrumb"),
    ("استان‌ها / خراسان جنوبی", "breadcrumb"),
    ("زمان مطالعه: ۳ دقیقه", "read-time"),
    ("۲ روز پیش زمان مطالعه: ۱ دقیقه", "read-time"),
    ("برای ارسال دیدگاه وارد حساب کاربری خود شوید", "comment-form"),
    ("دانلود اپلیکیشن باشگاه خبرنگاران جوان", "share-print"),
    ("عکس تزئینی است", "share-print"),
    ("برچسب‌ها: تراکتور ، پرسپولیس تهران", "tags"),
])
def test_page_furniture_of_many_sites_is_named(line, name):
    assert default_rules().match(line).name == name


@pytest.mark.parametrize("line", [
    "پیکر «سید حسن حسینی» شاعر معاصر امروز تشییع شد",  # a closing guillemet is no breadcrumb arrow
    "نتیجه بازی ۲/۱ شد",
    "تشکیل شبکه خادمین رسانه‌ای بقاع متبرکه برای نخستین بار در کشور / اجرای طرح آرامش",
])
def test_headlines_with_quotes_slashes_and_scores_are_not_breadcrumbs(line):
    assert default_rules().match(line) is None


@pytest.mark.parametrize("line,name", [
    ("سکه امامی ۲۲ میلیون تومان", "ticker"),
    ("شاخص کل بورس ۹۱۹ هزار واحد", "ticker"),
    ("فولاد - ملوان | ۱۸:۰۰", "ticker"),
    ("دسته‌بندی: اخبار اقتصادی", "category"),
    ("خبر فوری: افزایش تخلیه و بارگیری کالا در بندر انزلی", "category"),
    ("Getty Images", "photo-credit"),
    ("📷 عکس از ورزش‌نامه", "photo-credit"),
    ("عکاس: محمد حسینی", "photo-credit"),
    ("مطالب منتشرشده در بخش دیدگاه لزوماً بیانگر موضع رادیو فردا نیست.", "disclaimer"),
    ("دیدگاه *", "comment-form"),
    ("جدول لیگ برتر", "related-list"),
])
def test_tickers_categories_credits_and_disclaimers_are_named(line, name):
    assert default_rules().match(line).name == name


def test_a_sentence_about_prices_is_no_ticker():
    assert default_rules().match("قیمت هر دلار در بازار آزاد به ۵۸ هزار تومان رسید.") is None


def test_a_rules_file_that_is_not_utf8_is_an_error(tmp_path):
    rules = tmp_path / "bad.toml"
    rules.write_bytes('[[rule]]\nname = "x"\nphrases = ["خبر"]\n'.encode("utf-16"))
    with pytest.raises(RulesError, match="must be UTF-8"):
        load_rules((str(rules),))


def test_patterns_with_named_groups_and_back_references_work_in_any_rule(tmp_path):
    rules = tmp_path / "groups.toml"
    rules.write_text('[[rule]]\nname = "a"\npatterns = ["^(?P<w>تکرار) (?P=w)$"]\n'
                     '[[rule]]\nname = "b"\npatterns = ["^(?P<w>دوباره)$", "^(ها)\\\\1$"]\n', encoding="utf-8")
    loaded = load_rules((str(rules),))
    assert loaded.match("تکرار تکرار").name == "a"
    assert loaded.match("دوباره").name == "b" and loaded.match("هاها").name == "b"
    assert loaded.match("پرینت خبر").name == "share-print"
