from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"

    def ready(self):
        from newsroom.pagecache import connect_third_party_receivers

        # The flat pages and tags this app serves are edited in other apps' admins.
        connect_third_party_receivers()
