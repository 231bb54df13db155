package dev.altocv.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ErrorHandlingTest {

  @Test
  void databaseErrorsAreLoggedWithoutTheirArguments() {
    SQLException sql = new SQLException("ERROR: duplicate key; Detail: Key (email)=(jo@example.com) exists", "23505");
    RuntimeException jdbi = new IllegalStateException(
        "statement:[insert into users ...], arguments:{email: jo@example.com}", sql);
    Throwable logged = ErrorHandling.scrubbed(jdbi);
    assertThat(logged.getMessage()).contains("23505").doesNotContain("jo@example.com");
    assertThat(logged.getCause()).isNull();
    assertThat(logged.getStackTrace()).isEqualTo(jdbi.getStackTrace());

    RuntimeException other = new IllegalArgumentException("not a database error");
    assertThat(ErrorHandling.scrubbed(other)).isSameAs(other);
  }
}
