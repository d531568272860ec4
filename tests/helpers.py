"""Small builders shared by the tests."""


def page(*lines: str) -> str:
    """A page as a scraper saves it: one element a line."""
    return "\n".join(lines) + "\n"
