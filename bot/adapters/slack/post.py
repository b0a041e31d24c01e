"""Post rendered replies: in a channel or thread, ephemerally, or through a response_url."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack import texts
from bot.adapters.slack.render import escape, images, render
from bot.core.reply import Image, Reply

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Where:
    """Where replies go: the conversation, the learner, the thread, and how to answer.

    `respond` (a slash command's response_url) is used for ephemeral replies, and also for
    public ones when `public_via_respond` is set (it works where the bot is not a member).
    """

    channel: str
    user: str = ""
    thread_ts: str | None = None
    respond: AsyncRespond | None = None
    public_via_respond: bool = False


async def deliver(client: AsyncWebClient, replies: list[Reply], where: Where) -> list[str]:
    """Post every reply in order; returns the ts of each public message posted."""
    posted: list[str] = []
    for reply in replies:
        if reply.ephemeral and where.user:
            await _ephemeral(client, reply, where)
        else:
            posted += await _public(client, reply, where)
    return posted


async def _public(client: AsyncWebClient, reply: Reply, where: Where) -> list[str]:
    thread = where.thread_ts if reply.in_thread else None
    posted: list[str] = []
    for message in render(reply):
        if where.respond is not None and where.public_via_respond:
            await where.respond(
                text=message.text,
                blocks=message.blocks,
                response_type="in_channel",
                replace_original=False,
            )
            continue
        result = await client.chat_postMessage(
            channel=where.channel,
            thread_ts=thread,
            text=message.text,
            blocks=message.blocks,
            unfurl_links=False,
            unfurl_media=False,
        )
        posted.append(str(result["ts"]))
    for image in images(reply):
        await upload(client, image, where.channel, thread)
    return posted


async def _ephemeral(client: AsyncWebClient, reply: Reply, where: Where) -> None:
    for message in render(reply):
        if where.respond is not None:
            await where.respond(
                text=message.text,
                blocks=message.blocks,
                response_type="ephemeral",
                replace_original=False,
            )
        else:
            await client.chat_postEphemeral(
                channel=where.channel,
                user=where.user,
                thread_ts=where.thread_ts,
                text=message.text,
                blocks=message.blocks,
            )
    pictures = images(reply)
    if pictures:
        # An ephemeral message cannot carry a file: the image goes to the learner's DM.
        opened = await client.conversations_open(users=where.user)
        dm = str(opened["channel"]["id"])
        for image in pictures:
            await upload(client, image, dm, None)


async def upload(client: AsyncWebClient, image: Image, channel: str, thread: str | None) -> None:
    """Upload an image into a conversation (and thread) with files_upload_v2."""
    await client.files_upload_v2(
        channel=channel,
        thread_ts=thread,
        file=image.data,
        filename=image.filename,
        title=escape(image.alt or texts.PROGRESS_CARD),  # display names: no pings, no links
        alt_txt=escape(image.alt or texts.PROGRESS_CARD),
    )
