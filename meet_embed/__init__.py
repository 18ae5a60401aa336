"""meet-embed: the recordings part of a video-meeting product, for any Python web application."""

from meet_embed.app import create_app
from meet_embed.auth.tokens import mint_member_token
from meet_embed.config import ApiKey, MeetEmbedConfig
from meet_embed.plugin import MeetEmbedPlugin

__all__ = ("ApiKey", "MeetEmbedConfig", "MeetEmbedPlugin", "create_app", "mint_member_token")
__version__ = "0.1.0"
