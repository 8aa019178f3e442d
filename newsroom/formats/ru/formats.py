# "5 марта 2026, 14:30": the month in the genitive (E) after a day, the nominative (F)
# on its own ("Март 2026"); no "г.", as news sites print it.
DATE_FORMAT = "j E Y"
DATETIME_FORMAT = "j E Y, H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j E"
SHORT_MONTH_DAY_FORMAT = "j E"
WEEKDAY_DATE_FORMAT = "l, j E Y"
