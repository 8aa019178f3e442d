class UnicodeSlugConverter:
    """A slug that may hold letters of any alphabet, as taggit and our headlines make them."""

    regex = r"[-\w]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value
