package dev.altocv.ai.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextsTest {

  @Test
  void figuresKeepTheirUnitAndIgnoreNamesWithDigits() {
    assertThat(Texts.figures("Cut time by 35% (35 minutes), 40 percent fewer bugs, 1,200 users, 10x, 5k"
        + " requests, on AWS S3 and EC2 with Java 17 and HTML5 in 2021-06").keySet())
        .containsExactly("35%", "35", "40%", "1200", "10x", "5k", "17", "2021", "6");
    assertThat(Texts.figures("3.50 and 3,5 and 007").keySet()).containsExactly("3.5", "7");
    assertThat(Texts.figures("a 24/7 service").keySet()).containsExactly("24", "7");
  }

  @Test
  void mentionsMatchesWholeWordsAndSpellings() {
    String n = Texts.normalize("Built services with Node.js, C++ and k8s; PostgreSQL");
    assertThat(Texts.mentions(n, "NodeJS")).isTrue();
    assertThat(Texts.mentions(n, "node js")).isTrue();
    assertThat(Texts.mentions(n, "C++")).isTrue();
    assertThat(Texts.mentions(n, "Postgre")).isFalse();
    assertThat(Texts.mentions(n, "Java")).isFalse();
  }

  @Test
  void contactsAndDatesAreFound() {
    assertThat(Texts.contacts("mail me at a.b@evil.example or see https://evil.example/x, call +1 555 010 9999"))
        .containsExactly("a.b@evil.example", "https://evil.example/x", "+1 555 010 9999");
    assertThat(Texts.mentionsDate("I joined in March 2020", "2020-03")).isTrue();
    assertThat(Texts.mentionsDate("I joined in 2020", "2020-03")).isFalse();
    assertThat(Texts.mentionsDate("since 03/2020", "2020-03")).isTrue();
    assertThat(Texts.mentionsDate("from 2019", "2019")).isTrue();
  }

  @Test
  void copiedRunsAreFoundOnlyWhenLongAndNotAlreadyInTheCv() {
    String posting = "You will design resilient distributed payment systems for millions of merchants worldwide";
    assertThat(Texts.longestCopiedRun("I design resilient distributed payment systems for millions of merchants",
        posting, "", 8)).isEqualTo("design resilient distributed payment systems for millions of merchants");
    assertThat(Texts.longestCopiedRun("I design resilient distributed payment systems for millions of merchants",
        posting, "design resilient distributed payment systems for millions of merchants", 8)).isEmpty();
    assertThat(Texts.longestCopiedRun("resilient payment systems", posting, "", 8)).isEmpty();
  }
}
