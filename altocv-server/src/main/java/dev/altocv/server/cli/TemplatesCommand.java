package dev.altocv.server.cli;

import dev.altocv.render.Render;
import dev.altocv.render.TemplateInfo;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code altocv templates}: one template id per line, then its description. */
@Command(name = "templates", mixinStandardHelpOptions = true,
    description = "Lists the templates: one id per line, then its description.")
public final class TemplatesCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    int width = 0;
    for (TemplateInfo t : Render.templates()) {
      width = Math.max(width, t.id().length());
    }
    var out = spec.commandLine().getOut();
    for (TemplateInfo t : Render.templates()) {
      out.println(String.format("%-" + width + "s  %s", t.id(), t.description()));
    }
    out.flush();
    return 0;
  }
}
