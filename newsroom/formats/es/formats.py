# "5 de marzo de 2026, 14:30" ("de" is escaped: d and e are format codes).
DATE_FORMAT = r"j \d\e F \d\e Y"
DATETIME_FORMAT = r"j \d\e F \d\e Y, H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = r"F \d\e Y"
MONTH_DAY_FORMAT = r"j \d\e F"
SHORT_MONTH_DAY_FORMAT = "j b"
WEEKDAY_DATE_FORMAT = r"l, j \d\e F \d\e Y"
