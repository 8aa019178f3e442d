from django import template

from ..panels import desk_for

register = template.Library()


@register.inclusion_tag("desk/desk.html", takes_context=True)
def desk(context):
    """The signed-in user's desk: what waits for them, as lists of links."""
    return {"desk": desk_for(context["request"])}
