package com.drivenow.platform.web;

import com.drivenow.platform.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A partial update with JSON merge patch semantics (RFC 7396) over a resource's editable fields: a
 * field that is present replaces the current value, objects merge, {@code null} removes, absent
 * fields stay. Fields that are not editable are refused by name, so a client learns why its change
 * did nothing; a field of the wrong type is a 400 that names it.
 */
public final class MergePatch {

    private MergePatch() {
    }

    /** Applies {@code patch} to {@code current} (read back as {@code type}); the result still has to be validated. */
    public static <T> T apply(T current, JsonNode patch, Set<String> editable, Set<String> managed, Class<T> type) {
        if (!patch.isObject()) {
            throw ProblemException.badRequest("A partial update must be a JSON object.");
        }
        FieldErrors errors = new FieldErrors();
        patch.fieldNames().forEachRemaining(name -> {
            if (managed.contains(name)) {
                errors.add(name, "is managed by the server and cannot be changed here");
            } else if (!editable.contains(name)) {
                errors.add(name, "unknown field");
            }
        });
        errors.throwIfAny();
        ObjectNode merged = Json.mapper().valueToTree(current);
        merge(merged, (ObjectNode) patch);
        try {
            return Json.mapper().treeToValue(merged, type);
        } catch (JsonProcessingException e) {
            // wrong types in the patch: the problem handlers name the field
            throw new IllegalArgumentException(e);
        }
    }

    private static void merge(ObjectNode target, ObjectNode patch) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            JsonNode existing = target.get(field.getKey());
            if (value.isObject() && existing != null && existing.isObject()) {
                merge((ObjectNode) existing, (ObjectNode) value);
            } else if (value.isNull()) {
                target.remove(field.getKey());
            } else {
                target.set(field.getKey(), value);
            }
        }
    }
}
