"""Dates as each edition's newspapers print them (settings.FORMAT_MODULE_PATH).

Templates name a format (DATETIME_FORMAT, …), never spell one out, so a story's time
reads "5 March 2026, 14:30" on the English edition and "5 марта 2026, 14:30" on the
Russian one. Besides Django's own names, every edition defines two of ours:
WEEKDAY_DATE_FORMAT (the header's date, a day's archive) and SHORT_MONTH_DAY_FORMAT
(a date beside a time, as tickers print it). What a module leaves out (number
separators, input formats) comes from Django's locale of the same language.
"""

# The names every edition's module defines (tests/test_interface_translation.py checks).
FORMAT_NAMES = (
    "DATE_FORMAT",
    "DATETIME_FORMAT",
    "TIME_FORMAT",
    "YEAR_MONTH_FORMAT",
    "MONTH_DAY_FORMAT",
    "SHORT_MONTH_DAY_FORMAT",
    "WEEKDAY_DATE_FORMAT",
)
