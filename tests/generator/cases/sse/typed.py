"""What the methods of an operation with a stream flag return, to mypy: checked by ``mypy --strict``
in ``test_cases_pass_mypy_strict`` (with the generated packages), never run. ``check.py`` runs the same
calls."""

from __future__ import annotations

from typing_extensions import assert_type  # typing has it from 3.11; the SDK is checked as 3.10

from case_sse import APIResponse, AsyncClient, AsyncStream, AsyncStreamedResponse, Client, Stream, StreamedResponse
from case_sse.models import Completion, CompletionChunk


def blocking(client: Client) -> None:
    api = client.completions
    assert_type(api.create_completion(prompt="p"), Completion)
    assert_type(api.create_completion(prompt="p", stream=True), Stream[CompletionChunk])
    raw = api.with_raw_response.create_completion(prompt="p", stream=True)
    assert_type(raw, APIResponse[Stream[CompletionChunk]])
    assert_type(raw.parse(), Stream[CompletionChunk])
    assert_type(api.with_raw_response.create_completion(prompt="p").parse(), Completion)
    assert_type(api.with_raw_response.create_completion(prompt="p", stream=False), APIResponse[Completion])
    with api.with_streaming_response.create_completion(prompt="p", stream=True) as streamed:
        assert_type(streamed, StreamedResponse[Stream[CompletionChunk]])
        assert_type(streamed.parse(), Stream[CompletionChunk])
    with api.with_streaming_response.create_completion(prompt="p") as answer:
        assert_type(answer.parse(), Completion)


async def asynchronous(client: AsyncClient) -> None:
    api = client.completions
    assert_type(await api.create_completion(prompt="p"), Completion)
    assert_type(await api.create_completion(prompt="p", stream=True), AsyncStream[CompletionChunk])
    raw = await api.with_raw_response.create_completion(prompt="p", stream=True)
    assert_type(raw, APIResponse[AsyncStream[CompletionChunk]])
    assert_type((await api.with_raw_response.create_completion(prompt="p")).parse(), Completion)
    async with api.with_streaming_response.create_completion(prompt="p", stream=True) as streamed:
        assert_type(streamed, AsyncStreamedResponse[AsyncStream[CompletionChunk]])
        assert_type(await streamed.parse(), AsyncStream[CompletionChunk])
    async with api.with_streaming_response.create_completion(prompt="p") as answer:
        assert_type(await answer.parse(), Completion)
