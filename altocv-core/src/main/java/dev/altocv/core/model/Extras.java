package dev.altocv.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Null-safe immutable copies for the compact constructors of the model records. */
final class Extras {
  private Extras() {}

  static Map<String, @Nullable Object> copy(@Nullable Map<String, ? extends @Nullable Object> extra) {
    if (extra == null || extra.isEmpty()) {
      return Map.of();
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(extra));
  }

  static <T> List<T> list(@Nullable List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
