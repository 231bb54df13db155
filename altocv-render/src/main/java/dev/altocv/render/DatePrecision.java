package dev.altocv.render;

/** The finest date precision a template shows. Dates compare at this precision after a round trip. */
public enum DatePrecision {
  /** Years only: {@code 2021}. */
  YEAR,
  /** Month and year: {@code Jun 2021}, {@code 06/2021}. */
  MONTH
}
