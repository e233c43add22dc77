# Generated from the OpenAPI spec by the Leap SDK generator. Do not edit: change the spec or the templates and regenerate.
"""ImagesApi and AsyncImagesApi: the operations tagged ``Images``.

Generate images with a model, and list, retrieve and delete image generation jobs.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .._base_client import AsyncAPIClient, SyncAPIClient
from .._page_rules import PageNumbers
from .._pages import AsyncPage, SyncPage, async_first_page, first_page
from .._pagination import async_iterate_pages, iterate_pages
from .._response import (
    async_to_raw_response,
    async_to_streamed_response,
    to_raw_response,
    to_streamed_response,
)
from .._types import NOT_GIVEN, ExtraBody, Headers, NotGiven, Query, Timeout
from .._utils import path_template, without_none
from .._waiters import WaitRule, async_wait_for, wait_for

if TYPE_CHECKING:
    from ..models import ErrorResponse, InferenceEntity

__all__ = ["AsyncImagesApi", "ImagesApi"]


class ImagesApi:
    """Generate images with a model, and list, retrieve and delete image generation jobs.

    Reached as ``client.images``. Source: spec tag ``Images``.
    """

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> ImagesApiWithRawResponse:
        """The same operations, returning the HTTP response (:class:`APIResponse`) instead of the parsed body."""
        return ImagesApiWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> ImagesApiWithStreamingResponse:
        """The same operations as context managers giving the response before its body is read (:class:`StreamedResponse`)."""
        return ImagesApiWithStreamingResponse(self)

    def generate(
        self,
        *,
        model_id: str,
        prompt: str,
        negative_prompt: str = "asymmetric, watermarks",
        steps: int = 50,
        width: int = 1024,
        height: int = 1024,
        number_of_images: int = 1,
        prompt_strength: float = 7,
        seed: int | None = None,
        webhook_url: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: ExtraBody | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
    ) -> InferenceEntity:
        """Generate an Image.

        Generate an image by providing a text description. Generations usually take
        bettween 4-20 seconds per image. Total generation time depends on the number
        of `steps` and `noOfImages` you select. This endpoint will submit the
        generation job and return immediately. To retrieve the results you must
        provide a webhook URL or query/poll the [Get a Single Image
        Job](https://reference.tryleap.ai/reference/inferencescontroller_findone-1)
        endpoint.

        Args:
            model_id: The ID of the model to use to generate images. This can be a
                custom model, or a public model. To view the list of public models,
                visit: https://docs.tryleap.ai/public-models Path parameter
                ``modelId``.
            prompt: A text description of the image you what you want to generate.
                Body field ``prompt``.
            negative_prompt: A text description of what the image should try to
                avoid generating. Default: ``"asymmetric, watermarks"``. Body field
                ``negativePrompt``.
            steps: How many steps the AI will take to generate the image. Lower is
                faster but less detailed, higher is slower more detailed. Minimum 1.
                Default: ``50``. Body field ``steps``.
            width: The width of the image to use for the inference. Must be a
                multiple of 8. For best results use 1024x1024 for SDXL, and 512x512
                for other models. In pixels. Minimum 8; multiple of 8. Default:
                ``1024``. Body field ``width``.
            height: The height of the image to use for the inference. Must be a
                multiple of 8. For best results use 1024x1024 for SDXL, and 512x512
                for other models. In pixels. Minimum 8; multiple of 8. Default:
                ``1024``. Body field ``height``.
            number_of_images: The number of images to generate, up to 4. Minimum 1;
                maximum 4. Default: ``1``. Body field ``numberOfImages``.
            prompt_strength: The higher the prompt strength, the closer the
                generated image will be to the prompt. Must be between 0 and 30.
                Minimum 0; maximum 30. Default: ``7``. Body field
                ``promptStrength``.
            seed: A random number to use as a seed when generating the image. This
                is helpful if you want to generate the same image multiple times. If
                you want to generate different images, keep this empty or provide a
                random number. Optional. Body field ``seed``.
            webhook_url: An optional webhook URL that will be called with a POST
                request when the image generation request completes. A URL.
                Optional. Body field ``webhookUrl``.
            extra_headers: Headers to send with this request, added to (or
                replacing) the SDK's. Optional.
            extra_query: Query parameters to send with this request, added to (or
                replacing) the SDK's. Optional.
            extra_body: Properties to add to the JSON request body (replacing those
                of the same name). Optional.
            timeout: Seconds (or an httpx.Timeout) to wait for this request, each
                attempt; ``None`` waits forever. Default: the client's.
            max_retries: How many times this request may be sent again. Default: the
                client's.

        Returns:
            InferenceEntity: Successfully submitted image generation job. (HTTP 201)

        Raises:
            APIStatusError: The request was rejected (bad parameters, missing or
                invalid API key, unknown ID, rate limit). (HTTP 4XX) Raised as the
                subclass for the status where there is one (for example
                NotFoundError for 404).
            InternalServerError: The API failed to handle the request. (HTTP 5XX)
                Raised as the subclass for the status where there is one (for
                example NotFoundError for 404).
            APIResponseValidationError: The success response does not match the spec.
            APITimeoutError: No answer within the timeout.
            APIConnectionError: The API could not be reached.

        Security:
            ``Authorization: Bearer <api_key>`` (scheme ``bearer``).

        Source:
            ``POST /api/v1/images/models/{modelId}/inferences``, operationId ``generate``
            (spec ``#/paths/~1api~1v1~1images~1models~1{modelId}~1inferences/post``).
        """
        from ..models.inference_entity import InferenceEntity

        return self._client.request(
            "POST",
            path_template(
                "/api/v1/images/models/{modelId}/inferences", {"modelId": model_id}
            ),
            cast_to=InferenceEntity,
            errors={
                "4XX": ("error_response", "ErrorResponse"),
                "5XX": ("error_response", "ErrorResponse"),
            },
            json=without_none(
                {
                    "prompt": prompt,
                    "negativePrompt": negative_prompt,
                    "steps": steps,
                    "width": width,
                    "height": height,
                    "numberOfImages": number_of_images,
                    "promptStrength": prompt_strength,
                    "seed": seed,
                    "webhookUrl": webhook_url,
                }
            ),
            operation_id="generate",
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
            max_retries=max_retries,
        )

    def generate_and_wait(
        self,
        *,
        model_id: str,
        prompt: str,
        negative_prompt: str = "asymmetric, watermarks",
        steps: int = 50,
        width: int = 1024,
        height: int = 1024,
        number_of_images: int = 1,
        prompt_strength: float = 7,
        seed: int | None = None,
        webhook_url: str | None = None,
        timeout: float | None = 300.0,
        poll_interval: float = 1.0,
        max_poll_interval: float = 5.0,
        on_update: Callable[[InferenceEntity], object] | None = None,
    ) -> InferenceEntity:
        """Generate an Image, then wait until it has ended (``wait``).

        Calls ``generate``, then ``find_one`` until the state is ``finished``. The
        job goes on on the server if the wait ends early.

        Args:
            model_id: The ID of the model to use to generate images. This can be a
                custom model, or a public model. To view the list of public models,
                visit: https://docs.tryleap.ai/public-models Path parameter
                ``modelId``.
            prompt: A text description of the image you what you want to generate.
                Body field ``prompt``.
            negative_prompt: A text description of what the image should try to
                avoid generating. Default: ``"asymmetric, watermarks"``. Body field
                ``negativePrompt``.
            steps: How many steps the AI will take to generate the image. Lower is
                faster but less detailed, higher is slower more detailed. Minimum 1.
                Default: ``50``. Body field ``steps``.
            width: The width of the image to use for the inference. Must be a
                multiple of 8. For best results use 1024x1024 for SDXL, and 512x512
                for other models. In pixels. Minimum 8; multiple of 8. Default:
                ``1024``. Body field ``width``.
            height: The height of the image to use for the inference. Must be a
                multiple of 8. For best results use 1024x1024 for SDXL, and 512x512
                for other models. In pixels. Minimum 8; multiple of 8. Default:
                ``1024``. Body field ``height``.
            number_of_images: The number of images to generate, up to 4. Minimum 1;
                maximum 4. Default: ``1``. Body field ``numberOfImages``.
            prompt_strength: The higher the prompt strength, the closer the
                generated image will be to the prompt. Must be between 0 and 30.
                Minimum 0; maximum 30. Default: ``7``. Body field
                ``promptStrength``.
            seed: A random number to use as a seed when generating the image. This
                is helpful if you want to generate the same image multiple times. If
                you want to generate different images, keep this empty or provide a
                random number. Optional. Body field ``seed``.
            webhook_url: An optional webhook URL that will be called with a POST
                request when the image generation request completes. A URL.
                Optional. Body field ``webhookUrl``.
            timeout: Seconds to wait in all; ``None`` waits forever. Default:
                ``300.0``.
            poll_interval: Seconds between the first polls; each pause is half again
                as long as the one before. Default: ``1.0``.
            max_poll_interval: The longest pause between polls, in seconds. Default:
                ``5.0``.
            on_update: Called with the job after every poll, to show progress (a
                coroutine function is awaited on the async client). Optional.

        Returns:
            InferenceEntity: The job, in state ``finished``.

        Raises:
            JobFailedError: The job ended in state ``failed`` (``.entity`` is the
                job).
            WaitTimeoutError: ``timeout`` passed first (``.last`` is the job as last
                read, ``.state`` its state).
            APIStatusError: The request was rejected (bad parameters, missing or
                invalid API key, unknown ID, rate limit). (HTTP 4XX) Raised as the
                subclass for the status where there is one (for example
                NotFoundError for 404).
            InternalServerError: The API failed to handle the request. (HTTP 5XX)
                Raised as the subclass for the status where there is one (for
                example NotFoundError for 404).
            APIResponseValidationError: The success response does not match the spec.
            APITimeoutError: No answer within the timeout.
            APIConnectionError: The API could not be reached.

        Source:
            the ``links`` entry from operationId ``generate`` to ``findOne``
            (spec ``#/paths/~1api~1v1~1images~1models~1{modelId}~1inferences/post/responses/201/links/GetInference``).
        """
        _submitted = self.generate(
            model_id=model_id,
            prompt=prompt,
            negative_prompt=negative_prompt,
            steps=steps,
            width=width,
            height=height,
            number_of_images=number_of_images,
            prompt_strength=prompt_strength,
            seed=seed,
            webhook_url=webhook_url,
        )
        return self.wait(
            model_id=model_id,
            inference_id=_submitted.id,
            timeout=timeout,
            poll_interval=poll_interval,
            max_poll_interval=max_poll_interval,
            on_update=on_update,
        )

    def list_all(
        self,
        *,
        model_id: str,
        only_finished: bool | None = None,
        page: int | None = None,
        page_size: int | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
    ) -> list[InferenceEntity]:
        """List All Image Jobs.

        Fetch a list of inference jobs for a specific model.

        Args:
            model_id: The ID of the model to generate images. This can be a custom
                model or a public model. Visit:
                https://docs.tryleap.ai/public-models to view the list of public
                models. Path parameter ``modelId``.
            only_finished: If set to true, only finished inferences will be
                returned. If set to false or not set, all inference jobs will be
                returned. Optional. Query parameter ``onlyFinished``.
            page: The page to request. Minimum 0. Optional. Query parameter
                ``page``.
            page_size: The number of items to return per page. Minimum 1. Optional.
                Query parameter ``pageSize``.
            extra_headers: Headers to send with this request, added to (or
                replacing) the SDK's. Optional.
            extra_query: Query parameters to send with this request, added to (or
                replacing) the SDK's. Optional.
            timeout: Seconds (or an httpx.Timeout) to wait for this request, each
                attempt; ``None`` waits forever. Default: the client's.
            max_retries: How many times this request may be sent again. Default: the
                client's.

        Returns:
            list[InferenceEntity]: Successfully retrieved list of image generation
                jobs. (HTTP 200)

        Raises:
            APIStatusError: The request was rejected (bad parameters, missing or
                invalid API key, unknown ID, rate limit). (HTTP 4XX) Raised as the
                subclass for the status where there is one (for example
                NotFoundError for 404).
            InternalServerError: The API failed to handle the request. (HTTP 5XX)
                Raised as the subclass for the status where there is one (for
                example NotFoundError for 404).
            APIResponseValidationError: The success response does not match the spec.
            APITimeoutError: No answer within the timeout.
            APIConnectionError: The API could not be reached.

        Security:
            ``Authorization: Bearer <api_key>`` (scheme ``bearer``).

        Source:
            ``GET /api/v1/images/models/{modelId}/inferences``, operationId ``listAll``
            (spec ``#/paths/~1api~1v1~1images~1models~1{modelId}~1inferences/get``).
        """
        from ..models.inference_entity import InferenceEntity

        return self._client.request(
            "GET",
            path_template(
                "/api/v1/images/models/{modelId}/inferences", {"modelId": model_id}
            ),
            cast_to=list[InferenceEntity],
            errors={
                "4XX": ("error_response", "ErrorResponse"),
                "5XX": ("error_response", "ErrorResponse"),
            },
            params=without_none(
                {"onlyFinished": only_finished, "page": page, "pageSize": page_size}
            ),
            operation_id="listAll",
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
        )

    def list_all_iter(
        self,
        *,
        model_id: str,
        only_finished: bool | None = None,
        page_size: int = 50,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
    ) -> Iterator[InferenceEntity]:
        """Every item of ``list_all``, page after page.

        Lazy: a page is fetched when the items before it have been used. Pages of
        ``page_size`` items are numbered from 0 (``page``); a page with fewer items
        is the last. Items are told apart by ``item.id``: one seen on an earlier
        page is not yielded again.

        Args:
            model_id: The ID of the model to generate images. This can be a custom
                model or a public model. Visit:
                https://docs.tryleap.ai/public-models to view the list of public
                models. Path parameter ``modelId``.
            only_finished: If set to true, only finished inferences will be
                returned. If set to false or not set, all inference jobs will be
                returned. Optional. Query parameter ``onlyFinished``.
            page_size: Items per page (per request). Default: ``50``.
            extra_headers: Headers to send with each page's request, added to (or
                replacing) the SDK's. Optional.
            extra_query: Query parameters to send with each page's request, added to
                (or replacing) the SDK's. Optional.
            timeout: Seconds (or an httpx.Timeout) to wait for each page's request,
                each attempt; ``None`` waits forever. Default: the client's.
            max_retries: How many times each page's request may be sent again.
                Default: the client's.

        Yields:
            InferenceEntity: One item at a time.

        Raises:
            APIStatusError: The request was rejected (bad parameters, missing or
                invalid API key, unknown ID, rate limit). (HTTP 4XX) Raised as the
                subclass for the status where there is one (for example
                NotFoundError for 404).
            InternalServerError: The API failed to handle the request. (HTTP 5XX)
                Raised as the subclass for the status where there is one (for
                example NotFoundError for 404).
            APIResponseValidationError: The success response does not match the spec.
            APITimeoutError: No answer within the timeout.
            APIConnectionError: The API could not be reached.

        Source:
            ``x-pagination`` of operationId ``listAll``
            (spec ``#/paths/~1api~1v1~1images~1models~1{modelId}~1inferences/get/x-pagination``).
        """
        return iterate_pages(
            lambda _page: self.list_all(
                model_id=model_id,
                only_finished=only_finished,
                page=_page,
                page_size=page_size,
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
                max_retries=max_retries,
            ),
            lambda response: response,
            first_page=0,
            page_size=page_size,
            key=lambda item: item.id,
        )

    def list_all_pages(
        self,
        *,
        model_id: str,
        only_finished: bool | None = None,
        page_size: int = 50,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
    ) -> SyncPage[InferenceEntity]:
        """The first page of ``list_all``.

        Sends the first request and returns its page: ``items``,
        ``has_next_page()``, ``get_next_page()``, ``next_page()``, ``iter_pages()``;
        iterating it gives every item of this page and the pages after it. Pages of
        ``page_size`` items are numbered from 0 (``page``); a page with fewer items
        is the last.

        Args:
            model_id: The ID of the model to generate images. This can be a custom
                model or a public model. Visit:
                https://docs.tryleap.ai/public-models to view the list of public
                models. Path parameter ``modelId``.
            only_finished: If set to true, only finished inferences will be
                returned. If set to false or not set, all inference jobs will be
                returned. Optional. Query parameter ``onlyFinished``.
            page_size: Items per page (per request). Default: ``50``.
            extra_headers: Headers to send with each page's request, added to (or
                replacing) the SDK's. Optional.
            extra_query: Query parameters to send with each page's request, added to
                (or replacing) the SDK's. Optional.
            timeout: Seconds (or an httpx.Timeout) to wait for each page's request,
                each attempt; ``None`` waits forever. Default: the client's.
            max_retries: How many times each page's request may be sent again.
                Default: the client's.

        Returns:
            The first page (``SyncPage``; ``AsyncPage`` on the async client); its
                ``items`` are InferenceEntity.

        Raises:
            APIStatusError: The request was rejected (bad parameters, missing or
                invalid API key, unknown ID, rate limit). (HTTP 4XX) Raised as the
                subclass for the status where there is one (for example
                NotFoundError for 404).
            InternalServerError: The API failed to handle the request. (HTTP 5XX)
                Raised as the subclass for the status where there is one (for
                example NotFoundError for 404).
            APIResponseValidationError: The success response does not match the spec.
            APITimeoutError: No answer within the timeout.
            APIConnectionError: The API could not be reached.

        Source:
            ``x-pagination`` of operationId ``listAll``
            (spec ``#/paths/~1api~1v1~1images~1models~1{modelId}~1inferences/get/x-pagination``).
        """
        return first_page(
            to_raw_response(self.list_all),
            {
                "model_id": model_id,
                "only_finished": only_finished,
                "page_size": page_size,
            },
            PageNumbers("page", "page_size", 0),
            lambda response: response,
            options=dict(
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )

    def find_one(
        self,
        *,
        model_id: str,
        inference_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
    ) -> InferenceEntity:
        """Get Single Image Job.

        Retrieve a single image generation job, including the urls for the images
        generated.

        Args:
            model_id: The ID of the model to use to generate images. This can be a
                custom model, or a public model. To view the list of public models,
                visit: https://docs.tryleap.ai/public-models Path parameter
                ``modelId``.
            inference_id: The ID of the image generation job to retrieve. This is
                the same ID that is returned when you submit a new image generation
                job. Path parameter ``inferenceId``.
            extra_headers: Headers to send with this request, added to (or
                replacing) the SDK's. Optional.
            extra_query: Query parameters to send with this request, added to (or
                replacing) the SDK's. Optional.
            timeout: Seconds (or an httpx.Timeout) to wait for this request, each
                attempt; ``None`` waits forever. Default: the client's.
            max_retries: How many times this request may be sent again. Default: the
                client's.

        Returns:
            InferenceEntity: Successfully retrieved image generation job. (HTTP 200)

        Raises:
            APIStatusError: The request was rejected (bad parameters, missing or
                invalid API key, unknown ID, rate limit). (HTTP 4XX) Raised as the
                subclass for the status where there is one (for example
                NotFoundError for 404).
            InternalServerError: The API failed to handle the request. (HTTP 5XX)
                Raised as the subclass for the status where there is one (for
                example NotFoundError for 404).
            APIResponseValidationError: The success response does not match the spec.
            APITimeoutError: No answer within the timeout.
            APIConnectionError: The API could not be reached.

        Security:
            ``Authorization: Bearer <api_key>`` (scheme ``bearer``).

        Source:
            ``GET /api/v1/images/models/{modelId}/inferences/{inferenceId}``, operationId ``findOne``
            (spec ``#/paths/~1api~1v1~1images~1models~1{modelId}~1inferences~1{inferenceId}/get``).
        """
        from ..models.inference_entity import InferenceEntity

        return self._client.request(
            "GET",
            path_template(
                "/api/v1/images/models/{modelId}/inferences/{inferenceId}",
                {"modelId": model_id, "inferenceId": inference_id},
            ),
            cast_to=InferenceEntity,
            errors={
                "4XX": ("error_response", "ErrorResponse"),
                "5XX": ("error_response", "ErrorResponse"),
            },
            operation_id="findOne",
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
        )

    def wait(
        self,
        *,
        model_id: str,
        inference_id: str,
        timeout: float | None = 300.0,
        poll_interval: float = 1.0,
        max_poll_interval: float = 5.0,
        on_update: Callable[[InferenceEntity], object] | None = None,
    ) -> InferenceEntity:
        """Wait until it has ended: call ``find_one`` until its state is ``finished``.

        The state is read from ``state`` or ``status``, the first one set. Every
        poll is an ordinary find_one request, retried as usual.

        Args:
            model_id: The ID of the model to use to generate images. This can be a
                custom model, or a public model. To view the list of public models,
                visit: https://docs.tryleap.ai/public-models Path parameter
                ``modelId``.
            inference_id: The ID of the image generation job to retrieve. This is
                the same ID that is returned when you submit a new image generation
                job. Path parameter ``inferenceId``.
            timeout: Seconds to wait in all; ``None`` waits forever. Default:
                ``300.0``.
            poll_interval: Seconds between the first polls; each pause is half again
                as long as the one before. Default: ``1.0``.
            max_poll_interval: The longest pause between polls, in seconds. Default:
                ``5.0``.
            on_update: Called with the job after every poll, to show progress (a
                coroutine function is awaited on the async client). Optional.

        Returns:
            InferenceEntity: The job, in state ``finished``.

        Raises:
            JobFailedError: The job ended in state ``failed`` (``.entity`` is the
                job).
            WaitTimeoutError: ``timeout`` passed first (``.last`` is the job as last
                read, ``.state`` its state).
            APIStatusError: The request was rejected (bad parameters, missing or
                invalid API key, unknown ID, rate limit). (HTTP 4XX) Raised as the
                subclass for the status where there is one (for example
                NotFoundError for 404).
            InternalServerError: The API failed to handle the request. (HTTP 5XX)
                Raised as the subclass for the status where there is one (for
                example NotFoundError for 404).
            APIResponseValidationError: The success response does not match the spec.
            APITimeoutError: No answer within the timeout.
            APIConnectionError: The API could not be reached.

        Source:
            ``x-waiter`` of operationId ``findOne``
            (spec ``#/paths/~1api~1v1~1images~1models~1{modelId}~1inferences~1{inferenceId}/get/x-waiter``).
        """
        return wait_for(
            lambda: self.find_one(model_id=model_id, inference_id=inference_id),
            WaitRule(
                ["state", "status"], frozenset(["finished"]), frozenset(["failed"])
            ),
            timeout=timeout,
            poll_interval=poll_interval,
            max_poll_interval=max_poll_interval,
            on_update=on_update,
        )

    def delete(
        self,
        *,
        model_id: str,
        inference_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
    ) -> Any:
        """Delete Image Job.

        Delete the image job and all related images.

        Args:
            model_id: The ID of the model to use to generate images. This can be a
                custom model, or a public model. To view the list of public models,
                visit: https://docs.tryleap.ai/public-models Path parameter
                ``modelId``.
            inference_id: The ID of the image generation job to retrieve. This is
                the same ID that is returned when you submit a new image generation
                job. Path parameter ``inferenceId``.
            extra_headers: Headers to send with this request, added to (or
                replacing) the SDK's. Optional.
            extra_query: Query parameters to send with this request, added to (or
                replacing) the SDK's. Optional.
            timeout: Seconds (or an httpx.Timeout) to wait for this request, each
                attempt; ``None`` waits forever. Default: the client's.
            max_retries: How many times this request may be sent again. Default: the
                client's.

        Returns:
            Any: Successfully deleted image generation job. The decoded JSON body,
                or None when the body is empty. (HTTP 200)

        Raises:
            APIStatusError: The request was rejected (bad parameters, missing or
                invalid API key, unknown ID, rate limit). (HTTP 4XX) Raised as the
                subclass for the status where there is one (for example
                NotFoundError for 404).
            InternalServerError: The API failed to handle the request. (HTTP 5XX)
                Raised as the subclass for the status where there is one (for
                example NotFoundError for 404).
            APIResponseValidationError: The success response does not match the spec.
            APITimeoutError: No answer within the timeout.
            APIConnectionError: The API could not be reached.

        Security:
            ``Authorization: Bearer <api_key>`` (scheme ``bearer``).

        Source:
            ``DELETE /api/v1/images/models/{modelId}/inferences/{inferenceId}``, operationId ``delete``
            (spec ``#/paths/~1api~1v1~1images~1models~1{modelId}~1inferences~1{inferenceId}/delete``).
        """
        return self._client.request(
            "DELETE",
            path_template(
                "/api/v1/images/models/{modelId}/inferences/{inferenceId}",
                {"modelId": model_id, "inferenceId": inference_id},
            ),
            cast_to=object,
            errors={
                "4XX": ("error_response", "ErrorResponse"),
                "5XX": ("error_response", "ErrorResponse"),
            },
            operation_id="delete",
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
        )


class ImagesApiWithRawResponse:
    """The operations of :class:`ImagesApi`, each returning an :class:`APIResponse`.

    Reached as ``client.images.with_raw_response``. ``APIResponse.parse()`` gives
    what the plain method returns; a 4xx or 5xx status raises the same errors.
    """

    def __init__(self, api: ImagesApi) -> None:
        self.generate = to_raw_response(api.generate)
        self.list_all = to_raw_response(api.list_all)
        self.find_one = to_raw_response(api.find_one)
        self.delete = to_raw_response(api.delete)


class ImagesApiWithStreamingResponse:
    """The operations of :class:`ImagesApi`, each a context manager giving a :class:`StreamedResponse`.

    Reached as ``client.images.with_streaming_response``: ``with
    client.images.with_streaming_response.<method>(...) as response:`` sends the request
    (retried as usual) and gives the response before its body is read; read it with
    ``iter_bytes()``, ``read()`` or ``parse()``. The connection is closed when the block
    ends. A 4xx or 5xx status raises the same errors.
    """

    def __init__(self, api: ImagesApi) -> None:
        self.generate = to_streamed_response(api.generate)
        self.list_all = to_streamed_response(api.list_all)
        self.find_one = to_streamed_response(api.find_one)
        self.delete = to_streamed_response(api.delete)


class AsyncImagesApi:
    """Generate images with a model, and list, retrieve and delete image generation jobs.

    Reached as ``client.images`` on the async client; every method is a coroutine. Source: spec tag ``Images``.
    """

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncImagesApiWithRawResponse:
        """The same operations, returning the HTTP response (:class:`APIResponse`) instead of the parsed body."""
        return AsyncImagesApiWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncImagesApiWithStreamingResponse:
        """The same operations as context managers giving the response before its body is read (:class:`AsyncStreamedResponse`)."""
        return AsyncImagesApiWithStreamingResponse(self)

    async def generate(
        self,
        *,
        model_id: str,
        prompt: str,
        negative_prompt: str = "asymmetric, watermarks",
        steps: int = 50,
        width: int = 1024,
        height: int = 1024,
        number_of_images: int = 1,
        prompt_strength: float = 7,
        seed: int | None = None,
        webhook_url: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: ExtraBody | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
    ) -> InferenceEntity:
        """Generate an Image.

        Generate an image by providing a text description. Generations usually take
        bettween 4-20 seconds per image. Total generation time depends on the number
        of `steps` and `noOfImages` you select. This endpoint will submit the
        generation job and return immediately. To retrieve the results you must
        provide a webhook URL or query/poll the [Get a Single Image
        Job](https://reference.tryleap.ai/reference/inferencescontroller_findone-1)
        endpoint.

        Args:
            model_id: The ID of the model to use to generate images. This can be a
                custom model, or a public model. To view the list of public models,
                visit: https://docs.tryleap.ai/public-models Path parameter
                ``modelId``.
            prompt: A text description of the image you what you want to generate.
                Body field ``prompt``.
            negative_prompt: A text description of what the image should try to
                avoid generating. Default: ``"asymmetric, watermarks"``. Body field
                ``negativePrompt``.
            steps: How many steps the AI will take to generate the image. Lower is
                faster but less detailed, higher is slower more detailed. Minimum 1.
                Default: ``50``. Body field ``steps``.
            width: The width of the image to use for the inference. Must be a
                multiple of 8. For best results use 1024x1024 for SDXL, and 512x512
                for other models. In pixels. Minimum 8; multiple of 8. Default:
                ``1024``. Body field ``width``.
            height: The height of the image to use for the inference. Must be a
                multiple of 8. For best results use 1024x1024 for SDXL, and 512x512
                for other models. In pixels. Minimum 8; multiple of 8. Default:
                ``1024``. Body field ``height``.
            number_of_images: The number of images to generate, up to 4. Minimum 1;
                maximum 4. Default: ``1``. Body field ``numberOfImages``.
            prompt_strength: The higher the prompt strength, the closer the
                generated image will be to the prompt. Must be between 0 and 30.
                Minimum 0; maximum 30. Default: ``7``. Body field
                ``promptStrength``.
            seed: A random number to use as a seed when generating the image. This
                is helpful if you want to generate the same image multiple times. If
                you want to generate different images, keep this empty or provide a
                random number. Optional. Body field ``seed``.
            webhook_url: An optional webhook URL that will be called with a POST
                request when the image generation request completes. A URL.
                Optional. Body field ``webhookUrl``.
            extra_headers: Headers to send with this request, added to (or
                replacing) the SDK's. Optional.
            extra_query: Query parameters to send with this request, added to (or
                replacing) the SDK's. Optional.
            extra_body: Properties to add to the JSON request body (replacing those
                of the same name). Optional.
            timeout: Seconds (or an httpx.Timeout) to wait for this request, each
                attempt; ``None`` waits forever. Default: the client's.
            max_retries: How many times this request may be sent again. Default: the
                client's.

        Returns:
            InferenceEntity: Successfully submitted image generation job. (HTTP 201)

        Raises:
            APIStatusError: The request was rejected (bad parameters, missing or
                invalid API key, unknown ID, rate limit). (HTTP 4XX) Raised as the
                subclass for the status where there is one (for example
                NotFoundError for 404).
            InternalServerError: The API failed to handle the request. (HTTP 5XX)
                Raised as the subclass for the status where there is one (for
                example NotFoundError for 404).
            APIResponseValidationError: The success response does not match the spec.
            APITimeoutError: No answer within the timeout.
            APIConnectionError: The API could not be reached.

        Security:
            ``Authorization: Bearer <api_key>`` (scheme ``bearer``).

        Source:
            ``POST /api/v1/images/models/{modelId}/inferences``, operationId ``generate``
            (spec ``#/paths/~1api~1v1~1images~1models~1{modelId}~1inferences/post``).
        """
        from ..models.inference_entity import InferenceEntity

        return await self._client.request(
            "POST",
            path_template(
                "/api/v1/images/models/{modelId}/inferences", {"modelId": model_id}
            ),
            cast_to=InferenceEntity,
            errors={
                "4XX": ("error_response", "ErrorResponse"),
                "5XX": ("error_response", "ErrorResponse"),
            },
            json=without_none(
                {
                    "prompt": prompt,
                    "negativePrompt": negative_prompt,
                    "steps": steps,
                    "width": width,
                    "height": height,
                    "numberOfImages": number_of_images,
                    "promptStrength": prompt_strength,
                    "seed": seed,
                    "webhookUrl": webhook_url,
                }
            ),
            operation_id="generate",
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def generate_and_wait(
        self,
        *,
        model_id: str,
        prompt: str,
        negative_prompt: str = "asymmetric, watermarks",
        steps: int = 50,
        width: int = 1024,
        height: int = 1024,
        number_of_images: int = 1,
        prompt_strength: float = 7,
        seed: int | None = None,
        webhook_url: str | None = None,
        timeout: float | None = 300.0,
        poll_interval: float = 1.0,
        max_poll_interval: float = 5.0,
        on_update: Callable[[InferenceEntity], object] | None = None,
    ) -> InferenceEntity:
        """Generate an Image, then wait until it has ended (``wait``).

        Calls ``generate``, then ``find_one`` until the state is ``finished``. The
        job goes on on the server if the wait ends early.

        Args:
            model_id: The ID of the model to use to generate images. This can be a
                custom model, or a public model. To view the list of public models,
                visit: https://docs.tryleap.ai/public-models Path parameter
                ``modelId``.
            prompt: A text description of the image you what you want to generate.
                Body field ``prompt``.
            negative_prompt: A text description of what the image should try to
                avoid generating. Default: ``"asymmetric, watermarks"``. Body field
                ``negativePrompt``.
            steps: How many steps the AI will take to generate the image. Lower is
                faster but less detailed, higher is slower more detailed. Minimum 1.
                Default: ``50``. Body field ``steps``.
            width: The width of the image to use for the inference. Must be a
                multiple of 8. For best results use 1024x1024 for SDXL, and 512x512
                for other models. In pixels. Minimum 8; multiple of 8. Default:
                ``1024``. Body field ``width``.
            height: The height of the image to use for the inference. Must be a
                multiple of 8. For best results use 1024x1024 for SDXL, and 512x512
                for other models. In pixels. Minimum 8; multiple of 8. Default:
                ``1024``. Body field ``height``.
            number_of_images: The number of images to generate, up to 4. Minimum 1;
                maximum 4. Default: ``1``. Body field ``numberOfImages``.
            prompt_strength: The higher the prompt strength, the closer the
                generated image will be to the prompt. Must be between 0 and 30.
                Minimum 0; maximum 30. Default: ``7``. Body field
                ``promptStrength``.
            seed: A random number to use as a seed when generating the image. This
                is helpful if you want to generate the same image multiple times. If
                you want to generate different images, keep this empty or provide a
                random number. Optional. Body field ``seed``.
            webhook_url: An optional webhook URL that will be called with a POST
                request when the image generation request completes. A URL.
                Optional. Body field ``webhookUrl``.
            timeout: Seconds to wait in all; ``None`` waits forever. Default:
                ``300.0``.
            poll_interval: Seconds between the first polls; each pause is half again
                as long as the one before. Default: ``1.0``.
            max_poll_interval: The longest pause between polls, in seconds. Default:
                ``5.0``.
            on_update: Called with the job after every poll, to show progress (a
                coroutine function is awaited on the async client). Optional.

        Returns:
            InferenceEntity: The job, in state ``finished``.

        Raises:
            JobFailedError: The job ended in state ``failed`` (``.entity`` is the
                job).
            WaitTimeoutError: ``timeout`` passed first (``.last`` is the job as last
                read, ``.state`` its state).
            APIStatusError: The request was rejected (bad parameters, missing or
                invalid API key, unknown ID, rate limit). (HTTP 4XX) Raised as the
                subclass for the status where there is one (for example
                NotFoundError for 404).
            InternalServerError: The API failed to handle the request. (HTTP 5XX)
                Raised as the subclass for the status where there is one (for
                example NotFoundError for 404).
            APIResponseValidationError: The success response does not match the spec.
            APITimeoutError: No answer within the timeout.
            APIConnectionError: The API could not be reached.

        Source:
            the ``links`` entry from operationId ``generate`` to ``findOne``
            (spec ``#/paths/~1api~1v1~1images~1models~1{modelId}~1inferences/post/responses/201/links/GetInference``).
        """
        _submitted = await self.generate(
            model_id=model_id,
            prompt=prompt,
            negative_prompt=negative_prompt,
            steps=steps,
            width=width,
            height=height,
            number_of_images=number_of_images,
            prompt_strength=prompt_strength,
            seed=seed,
            webhook_url=webhook_url,
        )
        return await self.wait(
            model_id=model_id,
            inference_id=_submitted.id,
            timeout=timeout,
            poll_interval=poll_interval,
            max_poll_interval=max_poll_interval,
            on_update=on_update,
        )

    async def list_all(
        self,
        *,
        model_id: str,
        only_finished: bool | None = None,
        page: int | None = None,
        page_size: int | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
    ) -> list[InferenceEntity]:
        """List All Image Jobs.

        Fetch a list of inference jobs for a specific model.

        Args:
            model_id: The ID of the model to generate images. This can be a custom
                model or a public model. Visit:
                https://docs.tryleap.ai/public-models to view the list of public
                models. Path parameter ``modelId``.
            only_finished: If set to true, only finished inferences will be
                returned. If set to false or not set, all inference jobs will be
                returned. Optional. Query parameter ``onlyFinished``.
            page: The page to request. Minimum 0. Optional. Query parameter
                ``page``.
            page_size: The number of items to return per page. Minimum 1. Optional.
                Query parameter ``pageSize``.
            extra_headers: Headers to send with this request, added to (or
                replacing) the SDK's. Optional.
            extra_query: Query parameters to send with this request, added to (or
                replacing) the SDK's. Optional.
            timeout: Seconds (or an httpx.Timeout) to wait for this request, each
                attempt; ``None`` waits forever. Default: the client's.
            max_retries: How many times this request may be sent again. Default: the
                client's.

        Returns:
            list[InferenceEntity]: Successfully retrieved list of image generation
                jobs. (HTTP 200)

        Raises:
            APIStatusError: The request was rejected (bad parameters, missing or
                invalid API key, unknown ID, rate limit). (HTTP 4XX) Raised as the
                subclass for the status where there is one (for example
                NotFoundError for 404).
            InternalServerError: The API failed to handle the request. (HTTP 5XX)
                Raised as the subclass for the status where there is one (for
                example NotFoundError for 404).
            APIResponseValidationError: The success response does not match the spec.
            APITimeoutError: No answer within the timeout.
            APIConnectionError: The API could not be reached.

        Security:
            ``Authorization: Bearer <api_key>`` (scheme ``bearer``).

        Source:
            ``GET /api/v1/images/models/{modelId}/inferences``, operationId ``listAll``
            (spec ``#/paths/~1api~1v1~1images~1models~1{modelId}~1inferences/get``).
        """
        from ..models.inference_entity import InferenceEntity

        return await self._client.request(
            "GET",
            path_template(
                "/api/v1/images/models/{modelId}/inferences", {"modelId": model_id}
            ),
            cast_to=list[InferenceEntity],
            errors={
                "4XX": ("error_response", "ErrorResponse"),
                "5XX": ("error_response", "ErrorResponse"),
            },
            params=without_none(
                {"onlyFinished": only_finished, "page": page, "pageSize": page_size}
            ),
            operation_id="listAll",
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
        )

    def list_all_iter(
        self,
        *,
        model_id: str,
        only_finished: bool | None = None,
        page_size: int = 50,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
    ) -> AsyncIterator[InferenceEntity]:
        """Every item of ``list_all``, page after page.

        Lazy: a page is fetched when the items before it have been used. Pages of
        ``page_size`` items are numbered from 0 (``page``); a page with fewer items
        is the last. Items are told apart by ``item.id``: one seen on an earlier
        page is not yielded again.

        Args:
            model_id: The ID of the model to generate images. This can be a custom
                model or a public model. Visit:
                https://docs.tryleap.ai/public-models to view the list of public
                models. Path parameter ``modelId``.
            only_finished: If set to true, only finished inferences will be
                returned. If set to false or not set, all inference jobs will be
                returned. Optional. Query parameter ``onlyFinished``.
            page_size: Items per page (per request). Default: ``50``.
            extra_headers: Headers to send with each page's request, added to (or
                replacing) the SDK's. Optional.
            extra_query: Query parameters to send with each page's request, added to
                (or replacing) the SDK's. Optional.
            timeout: Seconds (or an httpx.Timeout) to wait for each page's request,
                each attempt; ``None`` waits forever. Default: the client's.
            max_retries: How many times each page's request may be sent again.
                Default: the client's.

        Yields:
            InferenceEntity: One item at a time.

        Raises:
            APIStatusError: The request was rejected (bad parameters, missing or
                invalid API key, unknown ID, rate limit). (HTTP 4XX) Raised as the
                subclass for the status where there is one (for example
                NotFoundError for 404).
            InternalServerError: The API failed to handle the request. (HTTP 5XX)
                Raised as the subclass for the status where there is one (for
                example NotFoundError for 404).
            APIResponseValidationError: The success response does not match the spec.
            APITimeoutError: No answer within the timeout.
            APIConnectionError: The API could not be reached.

        Source:
            ``x-pagination`` of operationId ``listAll``
            (spec ``#/paths/~1api~1v1~1images~1models~1{modelId}~1inferences/get/x-pagination``).
        """
        return async_iterate_pages(
            lambda _page: self.list_all(
                model_id=model_id,
                only_finished=only_finished,
                page=_page,
                page_size=page_size,
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
                max_retries=max_retries,
            ),
            lambda response: response,
            first_page=0,
            page_size=page_size,
            key=lambda item: item.id,
        )

    async def list_all_pages(
        self,
        *,
        model_id: str,
        only_finished: bool | None = None,
        page_size: int = 50,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
    ) -> AsyncPage[InferenceEntity]:
        """The first page of ``list_all``.

        Sends the first request and returns its page: ``items``,
        ``has_next_page()``, ``get_next_page()``, ``next_page()``, ``iter_pages()``;
        iterating it gives every item of this page and the pages after it. Pages of
        ``page_size`` items are numbered from 0 (``page``); a page with fewer items
        is the last.

        Args:
            model_id: The ID of the model to generate images. This can be a custom
                model or a public model. Visit:
                https://docs.tryleap.ai/public-models to view the list of public
                models. Path parameter ``modelId``.
            only_finished: If set to true, only finished inferences will be
                returned. If set to false or not set, all inference jobs will be
                returned. Optional. Query parameter ``onlyFinished``.
            page_size: Items per page (per request). Default: ``50``.
            extra_headers: Headers to send with each page's request, added to (or
                replacing) the SDK's. Optional.
            extra_query: Query parameters to send with each page's request, added to
                (or replacing) the SDK's. Optional.
            timeout: Seconds (or an httpx.Timeout) to wait for each page's request,
                each attempt; ``None`` waits forever. Default: the client's.
            max_retries: How many times each page's request may be sent again.
                Default: the client's.

        Returns:
            The first page (``SyncPage``; ``AsyncPage`` on the async client); its
                ``items`` are InferenceEntity.

        Raises:
            APIStatusError: The request was rejected (bad parameters, missing or
                invalid API key, unknown ID, rate limit). (HTTP 4XX) Raised as the
                subclass for the status where there is one (for example
                NotFoundError for 404).
            InternalServerError: The API failed to handle the request. (HTTP 5XX)
                Raised as the subclass for the status where there is one (for
                example NotFoundError for 404).
            APIResponseValidationError: The success response does not match the spec.
            APITimeoutError: No answer within the timeout.
            APIConnectionError: The API could not be reached.

        Source:
            ``x-pagination`` of operationId ``listAll``
            (spec ``#/paths/~1api~1v1~1images~1models~1{modelId}~1inferences/get/x-pagination``).
        """
        return await async_first_page(
            async_to_raw_response(self.list_all),
            {
                "model_id": model_id,
                "only_finished": only_finished,
                "page_size": page_size,
            },
            PageNumbers("page", "page_size", 0),
            lambda response: response,
            options=dict(
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )

    async def find_one(
        self,
        *,
        model_id: str,
        inference_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
    ) -> InferenceEntity:
        """Get Single Image Job.

        Retrieve a single image generation job, including the urls for the images
        generated.

        Args:
            model_id: The ID of the model to use to generate images. This can be a
                custom model, or a public model. To view the list of public models,
                visit: https://docs.tryleap.ai/public-models Path parameter
                ``modelId``.
            inference_id: The ID of the image generation job to retrieve. This is
                the same ID that is returned when you submit a new image generation
                job. Path parameter ``inferenceId``.
            extra_headers: Headers to send with this request, added to (or
                replacing) the SDK's. Optional.
            extra_query: Query parameters to send with this request, added to (or
                replacing) the SDK's. Optional.
            timeout: Seconds (or an httpx.Timeout) to wait for this request, each
                attempt; ``None`` waits forever. Default: the client's.
            max_retries: How many times this request may be sent again. Default: the
                client's.

        Returns:
            InferenceEntity: Successfully retrieved image generation job. (HTTP 200)

        Raises:
            APIStatusError: The request was rejected (bad parameters, missing or
                invalid API key, unknown ID, rate limit). (HTTP 4XX) Raised as the
                subclass for the status where there is one (for example
                NotFoundError for 404).
            InternalServerError: The API failed to handle the request. (HTTP 5XX)
                Raised as the subclass for the status where there is one (for
                example NotFoundError for 404).
            APIResponseValidationError: The success response does not match the spec.
            APITimeoutError: No answer within the timeout.
            APIConnectionError: The API could not be reached.

        Security:
            ``Authorization: Bearer <api_key>`` (scheme ``bearer``).

        Source:
            ``GET /api/v1/images/models/{modelId}/inferences/{inferenceId}``, operationId ``findOne``
            (spec ``#/paths/~1api~1v1~1images~1models~1{modelId}~1inferences~1{inferenceId}/get``).
        """
        from ..models.inference_entity import InferenceEntity

        return await self._client.request(
            "GET",
            path_template(
                "/api/v1/images/models/{modelId}/inferences/{inferenceId}",
                {"modelId": model_id, "inferenceId": inference_id},
            ),
            cast_to=InferenceEntity,
            errors={
                "4XX": ("error_response", "ErrorResponse"),
                "5XX": ("error_response", "ErrorResponse"),
            },
            operation_id="findOne",
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def wait(
        self,
        *,
        model_id: str,
        inference_id: str,
        timeout: float | None = 300.0,
        poll_interval: float = 1.0,
        max_poll_interval: float = 5.0,
        on_update: Callable[[InferenceEntity], object] | None = None,
    ) -> InferenceEntity:
        """Wait until it has ended: call ``find_one`` until its state is ``finished``.

        The state is read from ``state`` or ``status``, the first one set. Every
        poll is an ordinary find_one request, retried as usual.

        Args:
            model_id: The ID of the model to use to generate images. This can be a
                custom model, or a public model. To view the list of public models,
                visit: https://docs.tryleap.ai/public-models Path parameter
                ``modelId``.
            inference_id: The ID of the image generation job to retrieve. This is
                the same ID that is returned when you submit a new image generation
                job. Path parameter ``inferenceId``.
            timeout: Seconds to wait in all; ``None`` waits forever. Default:
                ``300.0``.
            poll_interval: Seconds between the first polls; each pause is half again
                as long as the one before. Default: ``1.0``.
            max_poll_interval: The longest pause between polls, in seconds. Default:
                ``5.0``.
            on_update: Called with the job after every poll, to show progress (a
                coroutine function is awaited on the async client). Optional.

        Returns:
            InferenceEntity: The job, in state ``finished``.

        Raises:
            JobFailedError: The job ended in state ``failed`` (``.entity`` is the
                job).
            WaitTimeoutError: ``timeout`` passed first (``.last`` is the job as last
                read, ``.state`` its state).
            APIStatusError: The request was rejected (bad parameters, missing or
                invalid API key, unknown ID, rate limit). (HTTP 4XX) Raised as the
                subclass for the status where there is one (for example
                NotFoundError for 404).
            InternalServerError: The API failed to handle the request. (HTTP 5XX)
                Raised as the subclass for the status where there is one (for
                example NotFoundError for 404).
            APIResponseValidationError: The success response does not match the spec.
            APITimeoutError: No answer within the timeout.
            APIConnectionError: The API could not be reached.

        Source:
            ``x-waiter`` of operationId ``findOne``
            (spec ``#/paths/~1api~1v1~1images~1models~1{modelId}~1inferences~1{inferenceId}/get/x-waiter``).
        """
        return await async_wait_for(
            lambda: self.find_one(model_id=model_id, inference_id=inference_id),
            WaitRule(
                ["state", "status"], frozenset(["finished"]), frozenset(["failed"])
            ),
            timeout=timeout,
            poll_interval=poll_interval,
            max_poll_interval=max_poll_interval,
            on_update=on_update,
        )

    async def delete(
        self,
        *,
        model_id: str,
        inference_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
    ) -> Any:
        """Delete Image Job.

        Delete the image job and all related images.

        Args:
            model_id: The ID of the model to use to generate images. This can be a
                custom model, or a public model. To view the list of public models,
                visit: https://docs.tryleap.ai/public-models Path parameter
                ``modelId``.
            inference_id: The ID of the image generation job to retrieve. This is
                the same ID that is returned when you submit a new image generation
                job. Path parameter ``inferenceId``.
            extra_headers: Headers to send with this request, added to (or
                replacing) the SDK's. Optional.
            extra_query: Query parameters to send with this request, added to (or
                replacing) the SDK's. Optional.
            timeout: Seconds (or an httpx.Timeout) to wait for this request, each
                attempt; ``None`` waits forever. Default: the client's.
            max_retries: How many times this request may be sent again. Default: the
                client's.

        Returns:
            Any: Successfully deleted image generation job. The decoded JSON body,
                or None when the body is empty. (HTTP 200)

        Raises:
            APIStatusError: The request was rejected (bad parameters, missing or
                invalid API key, unknown ID, rate limit). (HTTP 4XX) Raised as the
                subclass for the status where there is one (for example
                NotFoundError for 404).
            InternalServerError: The API failed to handle the request. (HTTP 5XX)
                Raised as the subclass for the status where there is one (for
                example NotFoundError for 404).
            APIResponseValidationError: The success response does not match the spec.
            APITimeoutError: No answer within the timeout.
            APIConnectionError: The API could not be reached.

        Security:
            ``Authorization: Bearer <api_key>`` (scheme ``bearer``).

        Source:
            ``DELETE /api/v1/images/models/{modelId}/inferences/{inferenceId}``, operationId ``delete``
            (spec ``#/paths/~1api~1v1~1images~1models~1{modelId}~1inferences~1{inferenceId}/delete``).
        """
        return await self._client.request(
            "DELETE",
            path_template(
                "/api/v1/images/models/{modelId}/inferences/{inferenceId}",
                {"modelId": model_id, "inferenceId": inference_id},
            ),
            cast_to=object,
            errors={
                "4XX": ("error_response", "ErrorResponse"),
                "5XX": ("error_response", "ErrorResponse"),
            },
            operation_id="delete",
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
        )


class AsyncImagesApiWithRawResponse:
    """The operations of :class:`AsyncImagesApi`, each returning an :class:`APIResponse`.

    Reached as ``client.images.with_raw_response``. ``APIResponse.parse()`` gives
    what the plain method returns; a 4xx or 5xx status raises the same errors.
    """

    def __init__(self, api: AsyncImagesApi) -> None:
        self.generate = async_to_raw_response(api.generate)
        self.list_all = async_to_raw_response(api.list_all)
        self.find_one = async_to_raw_response(api.find_one)
        self.delete = async_to_raw_response(api.delete)


class AsyncImagesApiWithStreamingResponse:
    """The operations of :class:`AsyncImagesApi`, each an async context manager giving an :class:`AsyncStreamedResponse`.

    Reached as ``client.images.with_streaming_response``: ``async with
    client.images.with_streaming_response.<method>(...) as response:`` sends the request
    (retried as usual) and gives the response before its body is read; read it with
    ``aiter_bytes()``, ``read()`` or ``parse()``. The connection is closed when the block
    ends. A 4xx or 5xx status raises the same errors.
    """

    def __init__(self, api: AsyncImagesApi) -> None:
        self.generate = async_to_streamed_response(api.generate)
        self.list_all = async_to_streamed_response(api.list_all)
        self.find_one = async_to_streamed_response(api.find_one)
        self.delete = async_to_streamed_response(api.delete)
