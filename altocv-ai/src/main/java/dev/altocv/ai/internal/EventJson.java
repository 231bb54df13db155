package dev.altocv.ai.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.altocv.ai.ChatEvent;
import dev.altocv.core.internal.Json;

/** Chat events as one-line JSON, for server-sent events. */
public final class EventJson {
  private EventJson() {}

  /**
   * An event as JSON: {@code {"type": ..., ...fields}}.
   *
   * @param e the event
   * @return one line of JSON
   */
  public static String write(ChatEvent e) {
    ObjectNode n = Json.NODES.objectNode();
    n.put("type", e.type());
    if (e instanceof ChatEvent.TextDelta d) {
      n.put("text", d.text());
    } else if (e instanceof ChatEvent.ToolCalled t) {
      n.put("tool", t.tool());
      n.put("arguments", t.arguments());
      if (t.editIndex() != null) {
        n.put("editIndex", t.editIndex());
      }
      if (t.error() != null) {
        n.put("error", t.error());
      }
    } else if (e instanceof ChatEvent.Usage u) {
      n.put("task", u.task().json());
      n.put("model", u.model());
      n.put("inputTokens", u.inputTokens());
      n.put("outputTokens", u.outputTokens());
    } else if (e instanceof ChatEvent.ProposalReady p) {
      n.set("proposal", ProposalJson.tree(p.proposal()));
    } else if (e instanceof ChatEvent.Failed f) {
      n.put("kind", f.kind().json());
      n.put("message", f.message());
      n.put("retryable", f.retryable());
      n.put("partialText", f.partialText());
    } else if (e instanceof ChatEvent.Done d) {
      n.put("ok", d.ok());
    }
    return Json.writeCompact(n);
  }
}
