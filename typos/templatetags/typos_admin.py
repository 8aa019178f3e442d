from django import template
from django.urls import reverse

from ..models import TypoReport

register = template.Library()


@register.inclusion_tag("typos/new_reports_notice.html", takes_context=True)
def new_typo_reports(context):
    """How many reader reports wait for triage, with a link to them, for those who may see them."""
    user = context["request"].user
    if not user.has_perm("typos.view_typoreport"):
        return {"count": 0}
    changelist = reverse("admin:typos_typoreport_changelist")
    return {
        "count": TypoReport.objects.new().count(),
        "url": f"{changelist}?status__exact={TypoReport.Status.NEW}",
    }
