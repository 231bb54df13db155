package dev.altocv.server.cv;

import dev.altocv.core.model.Cv;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Parsed CVs by id and version, so an autosave does not parse and validate the stored document again. A
 * version's content never changes, so an entry is never stale; the cache only saves work (every node keeps its
 * own, and a miss reads from the database). Least recently used entries go first.
 */
final class ParsedCvCache {
  private final Map<String, Cv> map;

  ParsedCvCache(int capacity) {
    this.map = new LinkedHashMap<>(256, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Cv> eldest) {
        return size() > capacity;
      }
    };
  }

  Cv get(UUID id, long version, Supplier<Cv> load) {
    String key = id + ":" + version;
    synchronized (map) {
      Cv cv = map.get(key);
      if (cv != null) {
        return cv;
      }
    }
    Cv cv = load.get();
    put(id, version, cv);
    return cv;
  }

  void put(UUID id, long version, Cv cv) {
    synchronized (map) {
      map.put(id + ":" + version, cv);
    }
  }
}
