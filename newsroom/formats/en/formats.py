# British newspaper style: "5 March 2026, 14:30", the 24-hour clock.
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_MONTH_DAY_FORMAT = "j M"
WEEKDAY_DATE_FORMAT = "l, j F Y"
