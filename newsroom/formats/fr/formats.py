# "5 mars 2026 à 14:30", "jeudi 5 mars 2026" (no comma after the day's name).
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y à H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_MONTH_DAY_FORMAT = "j F"
WEEKDAY_DATE_FORMAT = "l j F Y"
