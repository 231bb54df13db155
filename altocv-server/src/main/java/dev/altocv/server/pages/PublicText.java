package dev.altocv.server.pages;

/** The privacy notice and the terms, as page bodies. */
final class PublicText {
  private PublicText() {}

  static final String PRIVACY = """
      <article class="prose"><h1>Privacy</h1>
      <p>This notice says what AltoCV keeps about you, why, and for how long. The operator of this server is the
      controller of your data.</p>
      <h2>What we keep</h2>
      <ul><li><strong>Your account</strong>: your e-mail address, your name as your sign-in provider gives it, your
      plan, your credit balance and its ledger, and when you agreed to the AI assistant.</li>
      <li><strong>Your CVs</strong>: their content, titles, versions (the history you can restore) and the edits
      that lead from one to the next, so you can undo them.</li>
      <li><strong>Your conversations</strong> with the AI assistant and its proposals.</li>
      <li><strong>Files you export or import</strong>: kept 24 hours, then deleted.</li>
      <li><strong>A session cookie</strong> that keeps you signed in. It is the only cookie, it is not used for
      tracking, and there are no analytics or advertising scripts. Pages load nothing from other sites.</li>
      </ul>
      <h2>The AI assistant</h2>
      <p>Chat and tailoring send the text of the CV you are editing (and a job posting you paste) to the AI provider
      this server is configured with. That happens only after you agree in the settings, and you can withdraw
      that consent at any time. ATS analysis, job matching and imports run on this server without any AI
      provider.</p>
      <h2>How long</h2>
      <p>Older automatic versions of a CV are pruned after 30 days (named checkpoints stay); a CV moved to the trash
      is deleted for good after 30 days. Logs never contain your CV text, e-mail address or name.</p>
      <h2>Your rights</h2>
      <p>In the settings you can download everything we keep about you as one JSON file, and delete your account,
      which deletes all of it at once.</p>
      </article>""";

  static final String TERMS = """
      <article class="prose"><h1>Terms</h1>
      <p>By using AltoCV you agree to these terms.</p>
      <h2>Your content</h2>
      <p>Your CVs are yours. We store and process them only to provide the service: editing, preview, analysis,
      export, and the AI assistant when you turn it on. You are responsible for what your CV says: the assistant
      flags figures and facts it could not check, but only you know whether they are true.</p>
      <h2>Credits</h2>
      <p>Some actions cost credits, at the prices shown on the <a href="/pricing">pricing page</a> and before you
      act. A failed paid action is refunded automatically. Credits have no cash value.</p>
      <h2>Fair use</h2>
      <p>Do not use AltoCV to break the law, to send other people's data without their permission, or to overload the
      service; rate limits apply.</p>
      <h2>No guarantee</h2>
      <p>Scores and suggestions help; they do not guarantee an interview. The service is provided as it is.</p>
      <h2>Ending</h2>
      <p>You can delete your account at any time in the settings; that deletes your data.</p>
      </article>""";
}
