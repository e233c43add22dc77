# Generated from the OpenAPI spec by the Leap SDK generator. Do not edit: change the spec or the templates and regenerate.
"""The schemas of the spec: pydantic models for objects, ``Literal`` aliases for enums, type aliases for the rest.

Each is imported when first used (``from leap.models import Name`` or ``models.Name``), with the
models it refers to and nothing else, so that importing the package stays cheap.
"""

from typing import TYPE_CHECKING

from .._lazy import lazy_names

if TYPE_CHECKING:
    from .create_and_train_model_dto import CreateAndTrainModelDto
    from .create_inference_dto import CreateInferenceDto
    from .error_response import ErrorResponse
    from .inference_entity import InferenceEntity
    from .inference_image_entity import InferenceImageEntity
    from .inference_webhook_event import InferenceWebhookEvent
    from .job_state import JobState
    from .list_models_v2_response import ListModelsV2Response
    from .model_v2_entity import ModelV2Entity
    from .model_webhook_event import ModelWebhookEvent
    from .timestamp import Timestamp
    from .upscaling_option import UpscalingOption

__all__ = [
    "CreateAndTrainModelDto",
    "CreateInferenceDto",
    "ErrorResponse",
    "InferenceEntity",
    "InferenceImageEntity",
    "InferenceWebhookEvent",
    "JobState",
    "ListModelsV2Response",
    "ModelV2Entity",
    "ModelWebhookEvent",
    "Timestamp",
    "UpscalingOption",
]

if not TYPE_CHECKING:
    __getattr__, __dir__ = lazy_names(
        __name__,
        globals(),
        {
            "CreateAndTrainModelDto": "create_and_train_model_dto",
            "CreateInferenceDto": "create_inference_dto",
            "ErrorResponse": "error_response",
            "InferenceEntity": "inference_entity",
            "InferenceImageEntity": "inference_image_entity",
            "InferenceWebhookEvent": "inference_webhook_event",
            "JobState": "job_state",
            "ListModelsV2Response": "list_models_v2_response",
            "ModelV2Entity": "model_v2_entity",
            "ModelWebhookEvent": "model_webhook_event",
            "Timestamp": "timestamp",
            "UpscalingOption": "upscaling_option",
        },
    )
