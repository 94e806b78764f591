package com.drivenow.inventory.car;

import com.drivenow.platform.json.Json;
import com.drivenow.platform.web.FieldErrors;
import com.drivenow.platform.web.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A partial update with JSON merge patch semantics (RFC 7396) over a car's editable fields: a field
 * that is present replaces the current value, objects ({@code dailyRate}) merge, absent fields stay.
 * Fields that are not editable are refused by name, so a client learns why its change did nothing.
 */
public final class MergePatch {

    private static final Set<String> EDITABLE = Set.of("plate", "make", "model", "year", "category", "seats",
            "transmission", "fuelType", "dailyRate", "location", "mileageKm");
    private static final Set<String> MANAGED = Set.of("id", "status", "version", "createdAt", "updatedAt");

    private MergePatch() {
    }

    /** Applies {@code patch} to {@code current}; the result still has to be validated. */
    public static CarDraft apply(CarDraft current, JsonNode patch) throws JsonProcessingException {
        if (!patch.isObject()) {
            throw ProblemException.badRequest("A partial update must be a JSON object.");
        }
        FieldErrors errors = new FieldErrors();
        patch.fieldNames().forEachRemaining(name -> {
            if (MANAGED.contains(name)) {
                errors.add(name, "is managed by the server and cannot be changed here");
            } else if (!EDITABLE.contains(name)) {
                errors.add(name, "unknown field");
            }
        });
        errors.throwIfAny();
        ObjectNode merged = Json.mapper().valueToTree(current);
        merge(merged, (ObjectNode) patch);
        return Json.mapper().treeToValue(merged, CarDraft.class);
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
