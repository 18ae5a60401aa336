from __future__ import annotations

from django.urls import path

from examples.django_app import views

urlpatterns = [
    path("", views.home),
    path("login", views.login_view),
    path("logout", views.logout_view),
    path("recordings", views.recordings),
    path("meeting", views.meeting),
]
