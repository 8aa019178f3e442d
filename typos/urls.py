from django.urls import path

from . import views

app_name = "typos"

urlpatterns = [
    path("", views.report, name="report"),
]
