package dev.altocv.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Test data and small helpers shared by the API tests. */
public final class Fixtures {
  private static final ObjectMapper M = new ObjectMapper();

  private Fixtures() {}

  /** @return the sample JSON Resume of the command-line tests */
  public static String sampleResume() {
    try (InputStream in = Fixtures.class.getResourceAsStream("/cli/sample-resume.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The sample with two bullets that start with "I" (two findings of content.pronouns, each with a fix).
   *
   * @return the JSON Resume
   */
  public static String resumeWithPronouns() {
    return sampleResume()
        .replace("\"Built the route-planning service", "\"I built the route-planning service")
        .replace("\"Introduced contract tests", "\"I introduced contract tests");
  }

  /**
   * Creates a CV and returns its id.
   *
   * @param u the client
   * @param content the JSON Resume
   * @return the id
   */
  public static String createCv(Http u, String content) {
    Http.Res r = u.post("/api/v1/cvs", "{\"title\":\"CV\",\"content\":" + content + "}");
    if (r.status() != 201) {
      throw new AssertionError("create failed: " + r.body());
    }
    return r.json().path("id").asText();
  }

  /**
   * The balance.
   *
   * @param u the client
   * @return credits
   */
  public static long balance(Http u) {
    return u.get("/api/v1/credits").json().path("balance").asLong();
  }

  /**
   * Waits for a job to finish.
   *
   * @param u the client
   * @param jobId the job
   * @return the finished job
   */
  public static JsonNode awaitJob(Http u, String jobId) {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < end) {
      JsonNode j = u.get("/api/v1/jobs/" + jobId).json();
      String status = j.path("status").asText();
      if (status.equals("succeeded") || status.equals("failed")) {
        return j;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("job " + jobId + " did not finish in 30 s");
  }

  /**
   * JSON text of a map.
   *
   * @param m the map
   * @return the text
   */
  public static String json(Map<String, ?> m) {
    try {
      return M.writeValueAsString(m);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
