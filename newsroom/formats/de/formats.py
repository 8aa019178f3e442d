# "5. März 2026, 14:30": the day is an ordinal, with its full stop.
DATE_FORMAT = "j. F Y"
DATETIME_FORMAT = "j. F Y, H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j. F"
SHORT_MONTH_DAY_FORMAT = "j. F"
WEEKDAY_DATE_FORMAT = "l, j. F Y"
