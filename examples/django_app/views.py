"""The Django host's own pages: login, and two pages that embed meet-embed."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from django.contrib.auth.hashers import check_password
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme

from examples.django_app.meet import config, seeded
from examples.django_app.users import SESSION_KEY, USERS, User
from meet_embed import mint_member_token


def current_user(request: HttpRequest) -> User | None:
    return USERS.get(request.session.get(SESSION_KEY) or "")


def _safe_next(request: HttpRequest, target: str) -> str:
    ok = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}) and target.startswith(
        "/"
    )
    return target if ok else "/"


def _to_login(request: HttpRequest) -> HttpResponse:
    return HttpResponseRedirect(f"/login?next={quote(request.path, safe='')}", status=303)


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "example/home.html", {"user": current_user(request)})


def login_view(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        target = _safe_next(request, request.POST.get("next", "/"))
        user = USERS.get(request.POST.get("username", "").strip())
        if user is None or not check_password(request.POST.get("password", ""), user.password_hash):
            context: dict[str, Any] = {"user": None, "next": target, "error": "Wrong user name or password."}
            return render(request, "example/login.html", context, status=401)
        request.session.cycle_key()
        request.session[SESSION_KEY] = user.username
        return HttpResponseRedirect(target, status=303)
    target = _safe_next(request, request.GET.get("next", "/"))
    context = {"user": current_user(request), "next": target, "error": None}
    return render(request, "example/login.html", context)


def logout_view(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    request.session.flush()
    return HttpResponseRedirect("/login", status=303)


def recordings(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    if user is None:
        return _to_login(request)
    room = seeded.room
    # A member token for this user in the example room, minted with meet-embed's own configuration.
    token = mint_member_token(config, room.room_id, user.role, identity=user.username, name=user.name)
    context = {"user": user, "room": room, "role": user.role, "token": token}
    return render(request, "example/recordings.html", context)


def meeting(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    if user is None:
        return _to_login(request)
    room = seeded.room
    # The room page exchanges a room link's secret for a member token of that role.
    return render(
        request, "example/meeting.html", {"user": user, "room": room, "secret": room.secret_for(user.role)}
    )
