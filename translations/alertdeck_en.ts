<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About AlertDeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An operator console for on-call engineers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data directory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AcknowledgeDialog</name>
    <message>
        <source>(no alertname)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matchers: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Silence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the full Silence dialog with these matchers, to narrow them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silence &amp;all %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Acknowledging %1 would also silence %n other alert(s)</source>
        <translation>
            <numerusform>Acknowledging %1 would also silence %n other alert</numerusform>
            <numerusform>Acknowledging %1 would also silence %n other alerts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 is not in Alertmanager, and its labels match %n other alert(s)</source>
        <translation>
            <numerusform>%1 is not in Alertmanager, and its labels match %n other alert</numerusform>
            <numerusform>%1 is not in Alertmanager, and its labels match %n other alerts</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is not in Alertmanager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alertmanager could not be asked what the acknowledgement would silence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A silence mutes every alert whose labels match all of its matchers, and these alerts in Alertmanager match them now. Nothing has been silenced yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It may have resolved, or it reached AlertDeck without going through Alertmanager. A silence with its labels would mute these alerts there. Nothing has been silenced yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alertmanager has no alert with these labels now: it may have resolved, or it reached AlertDeck without going through Alertmanager. Nothing has been silenced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before acknowledging, AlertDeck asks Alertmanager which alerts the silence would mute, so that it mutes only this one. Nothing has been silenced; Silence… lets you choose the matchers yourself.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Acknowledgements</name>
    <message>
        <source>the alert has no labels, and a silence needs at least one matcher</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Alert</name>
    <message>
        <source>critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>firing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resolved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertFilter</name>
    <message>
        <source>%1: invalid regular expression &quot;%2&quot;: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unclosed quote in &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the filter is %1 characters long; at most %2 are allowed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertGroupingProxyModel</name>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation>
            <numerusform>%n alert</numerusform>
            <numerusform>%n alerts</numerusform>
        </translation>
    </message>
    <message>
        <source>(no %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 = &quot;%2&quot;: %n alert(s), %3 firing; the worst is %4. Enter or a double click folds the group.</source>
        <translation>
            <numerusform>%1 = &quot;%2&quot;: %n alert, %3 firing; the worst is %4. Enter or a double click folds the group.</numerusform>
            <numerusform>%1 = &quot;%2&quot;: %n alerts, %3 firing; the worst is %4. Enter or a double click folds the group.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AlertHistory</name>
    <message>
        <source>This store keeps no history to compare with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This store cannot keep resolution notes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertMute</name>
    <message>
        <source>silenced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inhibited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 until %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silenced in Alertmanager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silenced in Alertmanager by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inhibited in Alertmanager by another alert that fires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The silence is renewed while the alert fires.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The silence ends at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertOverviewPane</name>
    <message>
        <source>Select an alert to see its labels, annotations and times.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unnamed alert)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PromQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 alerts shown by Alertmanager in this notification; raise max_alerts in the webhook receiver to see them all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source payload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replayed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the whole expression (%L1 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not known: Prometheus answered %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no value at %1 (the expression returned nothing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>highest %1 of %n series at %2</source>
        <translation>
            <numerusform>%1 at %2</numerusform>
            <numerusform>highest %1 of %n series at %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Value at start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value at end</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertStore</name>
    <message>
        <source>Cannot open the alert store %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alert store %1 cannot be used: %2 It was left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot configure the alert store %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot initialise the alert store %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the alert store %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot prepare the alert store %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not a SQLite database or it is damaged (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is damaged (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it belongs to another program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it was written by a newer AlertDeck (schema %1; this version reads up to %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the alert store is not open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertTableModel</name>
    <message>
        <source>%1 (demo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1d %2h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1h %2m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1m %2s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (replay)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replayed: not a live alert. It is not counted in the status bar, the tray or /metrics, and notifies no one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertTableView</name>
    <message>
        <source>Reset columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Group by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Label columns</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertmanagerApi</name>
    <message>
        <source>Alertmanager answered HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alertmanager answered HTTP %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alertmanager&apos;s alert list is not a JSON array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alertmanager&apos;s silence list is not a JSON array</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnalysisConversation</name>
    <message>
        <source>The stored conversation is too large to read (%L1 bytes; at most %L2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored conversation is not valid JSON (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored conversation has format version %1; this AlertDeck reads version %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored conversation has %L1 questions; at most %L2 are read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored conversation is damaged: question %1 has too many messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored conversation is damaged: question %1 has a message it cannot read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnalysisOutcome</name>
    <message>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cut off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnalysisPage</name>
    <message>
        <source>AI analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any OpenAI-compatible endpoint: https://api.openai.com/v1, http://localhost:11434/v1 (Ollama), a vLLM or llama.cpp server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same as AlertDeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: only on request; e.g. severity=&quot;critical&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New firing alerts that match these filter-bar matchers are analysed at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional for local endpoints (Ollama, llama.cpp).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analyse alerts matching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give at least one matcher, such as severity=&quot;critical&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: the built-in SRE prompt. {{language}} stands for the answer-language sentence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the built-in prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the built-in prompt in the editor to change it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the exact request analysing the selected alert would send, and copy it as a curl command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room for metrics, log lines and history in the request; log lines are trimmed first, the alert itself never.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host names to mask: one regular expression per line, e.g. [a-z0-9-]+\.corp\.example\.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> per hour at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask before sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a regular expression: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an alert in the main window first: the preview shows the request for that alert.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Think before answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DeepSeek only: other providers never get these fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The models the provider offers (GET /models); any other id can be typed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the provider which models it offers, with the key below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model reasons first (shown in the panel&apos;s Reasoning section): slower, often better. Temperature is ignored while it thinks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low effort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High effort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum effort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key is set for %1: enter it above. Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Connected: the key works; %n model(s) offered</source>
        <translation>
            <numerusform>Connected: the key works; %n model offered</numerusform>
            <numerusform>Connected: the key works; %n models offered</numerusform>
        </translation>
    </message>
    <message>
        <source>, including %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected, but the provider does not offer the model &quot;%1&quot;. Current models: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking %1 for its models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key is set for %1: enter it above to list its models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not list the models: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DeepSeek only: %1 does not get these fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DeepSeek retired &quot;%1&quot; on 2026-07-24; current models: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not in the provider&apos;s list (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the model to use (for DeepSeek: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let the model query metrics and logs (read-only tools)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model may ask the configured Prometheus and Loki for more data while it analyses, and read the alert&apos;s history. It can never write anything or reach another host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> calls per analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each matching alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each incident once, with all its alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An incident is analysed once, when one of its alerts matches, after a short wait for the rest of its alerts to arrive; one analysis covers them all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analyse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only new firing alerts are analysed automatically, each occurrence (or incident) once.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnalysisPanel</name>
    <message>
        <source>Analyze this alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AI analysis of the selected alert appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No alert selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the AI provider to analyze the selected alert with its metrics and logs (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the analysis; the text so far is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the answer as Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysis of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysis of %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 prompt + %2 answer tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>started automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not analyzed yet. The request sends the alert, its metric summary and log lines to the provider set in Settings → AI analysis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1 prompt tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trimmed to the context budget: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasoning (%1 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-run analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI analysis is not available here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an alert in the table, then Analyze (Ctrl+Enter).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Settings → AI analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claims are sentences that state a cause, a number or cite evidence; cited ones name evidence the request listed; unsupported ones state a cause without citing any.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n citation(s) of evidence not in this analysis</source>
        <translation>
            <numerusform>%n citation of evidence not in this analysis</numerusform>
            <numerusform>%n citations of evidence not in this analysis</numerusform>
        </translation>
    </message>
    <message>
        <source>The hypotheses block was not finished; the answer ended inside it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which answer Forward sends with the alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward sends:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer to “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Incident: %1&lt;/b&gt;&lt;br&gt;%n alert(s), analysed together, the worst first</source>
        <translation>
            <numerusform>&lt;b&gt;Incident: %1&lt;/b&gt;&lt;br&gt;%n alert, analysed together, the worst first</numerusform>
            <numerusform>&lt;b&gt;Incident: %1&lt;/b&gt;&lt;br&gt;%n alerts, analysed together, the worst first</numerusform>
        </translation>
    </message>
    <message>
        <source>Re-run incident analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analyze this incident</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnalysisPrompt</name>
    <message numerus="yes">
        <source>metrics: %n series per query kept</source>
        <translation>
            <numerusform>metrics: %n series per query kept</numerusform>
            <numerusform>metrics: %n series per query kept</numerusform>
        </translation>
    </message>
    <message>
        <source>metrics: cut to the budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>log lines: trimmed to the budget of %n token(s)</source>
        <translation>
            <numerusform>log lines: trimmed to the budget of %n token</numerusform>
            <numerusform>log lines: trimmed to the budget of %n tokens</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: cut to %L2 of %L3 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>annotation %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>label %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source link</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>evidence items: %n left out</source>
        <translation>
            <numerusform>evidence items: %n left out</numerusform>
            <numerusform>evidence items: %n left out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>related alerts: %1 of %n listed</source>
        <translation>
            <numerusform>related alerts: %1 of %n listed</numerusform>
            <numerusform>related alerts: %1 of %n listed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnalysisService</name>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gathering the alert&apos;s metrics, logs and history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No AI provider is set up: add its URL and key in Settings → AI analysis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider wants an API key and none is set: add it in Settings → AI analysis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped before the request was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus is not set up in AlertDeck, so there are no metrics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loki is not set up in AlertDeck, so there are no log lines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>did not arrive in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log lines did not arrive in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loki answered with an error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loki has no matching lines in the window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key is set for %1: add it in Settings → AI analysis. Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the question…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped; the text received so far is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The model is querying metrics and logs: %1 of %n call(s) answered…</source>
        <translation>
            <numerusform>The model is querying metrics and logs: %1 of %n call answered…</numerusform>
            <numerusform>The model is querying metrics and logs: %1 of %n calls answered…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The model kept asking for tools after its limit of %n call(s); the text so far is kept.</source>
        <translation>
            <numerusform>The model kept asking for tools after its limit of %n call; the text so far is kept.</numerusform>
            <numerusform>The model kept asking for tools after its limit of %n calls; the text so far is kept.</numerusform>
        </translation>
    </message>
    <message>
        <source>Type a question to ask.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The question is %L1 characters long; at most %L2 can be asked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no analysis of this alert to ask about: analyse it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The analysis of this alert is still running: wait for it to end, or stop it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>This conversation has reached %n question(s); start a new analysis.</source>
        <translation>
            <numerusform>This conversation has reached %n question; start a new analysis.</numerusform>
            <numerusform>This conversation has reached %n questions; start a new analysis.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped before it was answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hypotheses block is not closed; the answer is shown without the board.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnalysisTools</name>
    <message>
        <source>&quot;%1&quot; is not a time: %2. Use RFC 3339 (&quot;2026-12-06T19:00:00Z&quot;), Unix seconds, &quot;now&quot;, or a time back from now such as &quot;-1h&quot; or &quot;-30m&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The end %1 is in the future (now is %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The start %1 is not before the end %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The range from %1 to %2 is %3 long; at most %4 can be asked for at once. Ask for a shorter range, e.g. start &quot;-%5&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The argument &quot;%1&quot; is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a string, not %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is %2 characters long; at most %3 are accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a whole number from 1 to %2, not %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;step&quot; must be a duration of at least one second such as &quot;15s&quot;, &quot;1m&quot; or &quot;5m&quot;, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step %1 is longer than the range (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A step of %1 over %2 gives %3 points; Prometheus allows at most %4. Use a step of at least %5 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no tool named %1. The tools are: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The arguments are %1 characters long; at most %2 are accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The arguments are not valid JSON (%1 at character %2). Send one JSON object such as {&quot;query&quot;: &quot;up&quot;}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The arguments must be a JSON object, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 takes no argument %2 (only %3). The data source is the one AlertDeck is configured with; no host or URL can be chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a URL. The tools ask only the data sources AlertDeck is configured with; give &quot;%2&quot; without a host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n series, %1 points</source>
        <translation>
            <numerusform>%n series, %1 points</numerusform>
            <numerusform>%n series, %1 points</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n log line(s)</source>
        <translation>
            <numerusform>%n log line</numerusform>
            <numerusform>%n log lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>more than %n series</source>
        <translation>
            <numerusform>more than %n series</numerusform>
            <numerusform>more than %n series</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n series</source>
        <translation>
            <numerusform>%n series</numerusform>
            <numerusform>%n series</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n occurrence(s)</source>
        <translation>
            <numerusform>%n occurrence</numerusform>
            <numerusform>%n occurrences</numerusform>
        </translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tools are switched off in AlertDeck&apos;s settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The limit of %1 tool calls for this analysis is reached. Answer with the evidence you have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not configured in AlertDeck; this tool is not available.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnalyzeCommand</name>
    <message>
        <source>%1 prompt + %2 answer tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The analysis did not run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider offers: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not list the provider&apos;s models: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tool %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tool %1 → %2 [%3]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not store the analysis in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No analysis is stored in %1 to continue: run &quot;analyze --data-dir %1&quot; first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No analysis of &quot;%1&quot; is stored in %2 to continue: run &quot;analyze --data-dir %2&quot; first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%1 of them reasoning)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppearancePage</name>
    <message>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> pt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Font size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language applies when AlertDeck starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatchUp</name>
    <message>
        <source>The kept catch-up card is not valid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kept catch-up card has no valid time span.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>While AlertDeck was not running (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>While you were away (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fired and cleared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>silenced by others</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatchUpCard</name>
    <message>
        <source>&amp;Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the card away; cleared critical alerts are no longer kept for you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>silenced by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2, started %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>silenced by %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatCompletion</name>
    <message>
        <source>&quot;%1&quot; is not a provider URL (https://host[/v1]): check Settings → AI analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider answered without a completion: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No data for %n second(s); the text received so far is kept</source>
        <translation>
            <numerusform>No data for %n second; the text received so far is kept</numerusform>
            <numerusform>No data for %n seconds; the text received so far is kept</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No answer from %1 within %n second(s)</source>
        <translation>
            <numerusform>No answer from %1 within %n second</numerusform>
            <numerusform>No answer from %1 within %n seconds</numerusform>
        </translation>
    </message>
    <message>
        <source>The provider reported an error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection closed before any answer arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stream was cut off before its end; the text received so far is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider finished without any text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first token after %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · %1 tokens/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1 (try %2 of %3)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 — retrying in %n s (try %2 of %3)…</source>
        <translation>
            <numerusform>%1 — retrying in %n s (try %2 of %3)…</numerusform>
            <numerusform>%1 — retrying in %n s (try %2 of %3)…</numerusform>
        </translation>
    </message>
    <message>
        <source>Streaming · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished in %1 s · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cut off: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped; the text received so far is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider rejected the request (HTTP 400)%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key rejected (HTTP 401): check the key in Settings → AI analysis%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account balance is insufficient (HTTP 402): top up the account or use another provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access denied by the provider (HTTP 403)%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No chat completions API at %1 (HTTP 404): check the base URL (many servers need /v1 at the end)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider refused a parameter (HTTP 422)%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Rate limited by the provider (HTTP 429) after %n tries%1</source>
        <translation>
            <numerusform>Rate limited by the provider (HTTP 429) after %n try%1</numerusform>
            <numerusform>Rate limited by the provider (HTTP 429) after %n tries%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The provider failed (HTTP %1) after %n tries%2</source>
        <translation>
            <numerusform>The provider failed (HTTP %1) after %n try%2</numerusform>
            <numerusform>The provider failed (HTTP %1) after %n tries%2</numerusform>
        </translation>
    </message>
    <message>
        <source>HTTP %1%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer was cut at max_tokens (%1); raise it in Settings → AI analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the provider&apos;s content filter stopped the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the provider ran out of capacity and stopped the answer; try again later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer ended early (finish reason &quot;%1&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider ended its answer for tool calls but sent none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider sent a tool call without an id or a function name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider does not offer the model &quot;%1&quot; (HTTP %2%3). Refresh the model list in Settings → AI analysis and choose one it offers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider does not offer the model &quot;%1&quot; (HTTP %2%3). Current models: %4. Choose one in Settings → AI analysis.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatDestination</name>
    <message>
        <source>DingTalk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feishu / Lark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeCom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generic webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Telegram bot token looks like 123456789:AAH… (from BotFather).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the webhook URL the tool gave you (https://…).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatMarkup</name>
    <message>
        <source>…(truncated, full analysis in AlertDeck)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatPreview</name>
    <message>
        <source>A generic webhook sends your own JSON template; how it looks is up to the receiving system. The exact JSON is on the next tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message is too large to show; the exact JSON is on the next tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The body is not a JSON object: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatSender</name>
    <message>
        <source>%1: host not found (DNS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: connection refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: TLS handshake failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: network error %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the webhook redirected to %2, a different origin: AlertDeck does not send the message or the webhook&apos;s secret there, so nothing was sent. Check the webhook URL.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatStream</name>
    <message numerus="yes">
        <source>The provider asked for more than %n tool call(s) in one answer</source>
        <translation>
            <numerusform>The provider asked for more than %n tool call in one answer</numerusform>
            <numerusform>The provider asked for more than %n tool calls in one answer</numerusform>
        </translation>
    </message>
    <message>
        <source>The provider sent a tool call (&quot;%1&quot;) larger than %2 KiB</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatTool</name>
    <message>
        <source> — the webhook no longer exists: copy its URL again from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — %1 refused the credentials in the URL or token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — the message is larger than %1 accepts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — %1 limits how often it accepts messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered HTTP %2%3%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 accepted the message (HTTP %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 accepted the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the message (%2 %3): %4%5</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CitationScanner</name>
    <message numerus="yes">
        <source>%n claim(s), %1 cited, %2 unsupported</source>
        <translation>
            <numerusform>%n claim, %1 cited, %2 unsupported</numerusform>
            <numerusform>%n claims, %1 cited, %2 unsupported</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CommandLineOptions</name>
    <message>
        <source>AlertDeck: an operator console for on-call engineers.
Receives Alertmanager, Grafana and Nightingale webhooks and shows them live.

Exit status: 0 success, 1 runtime failure, 2 invalid command line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook listener address (default 127.0.0.1:%1; port 0 picks a free port).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HOST:PORT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directory for the alert store (default: the user&apos;s application data folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DIR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run without a window: listener and store only; logs to stderr; stops on SIGINT/SIGTERM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the bundled sample alerts (marked as demo data).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Least severe messages to log: %1 (default info). QT_LOGGING_RULES overrides it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LEVEL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;; see --help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--listen: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--data-dir: the directory name is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--log-level: &quot;%1&quot; is not one of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TIME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the stored webhook payloads of --data-dir as NDJSON to stdout and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1: &quot;%2&quot; is not a time; use RFC 3339 (2026-11-22T10:00:00Z) or a date (2026-11-22).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove resolved alerts and payloads older than DAYS from the store (default 90; 0 keeps everything).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DAYS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serve webhooks over HTTPS with this PEM certificate (chain); needs --tls-key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unencrypted PEM private key for --tls-cert.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--retention-days: &quot;%1&quot; is not a number of days (0 or more).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key go together: give both files or neither.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headless: read a secret from FILE instead of its ALERTDECK_&lt;NAME&gt; environment variable (repeatable). NAME is one of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME=@FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--secret: &quot;%1&quot; does not name a secret; use NAME=@FILE with NAME one of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--secret %1: give a file as %1=@/path/to/file; a secret written on the command line would be visible to other users.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--secret applies to --headless; the desktop application keeps secrets in the system keychain (Settings).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the metric and log queries planned for an alert of --payload, and what Prometheus and Loki answer, then exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--alert: &quot;%1&quot; is not an alert number (1, 2, …).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1: &quot;%2&quot; is not an http(s) URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>context, analyze: fetch the metric windows from this Prometheus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>context, analyze: fetch the log lines from this Loki.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>analyze: the OpenAI-compatible API to ask (default: the saved setting).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>analyze: the model (default: the saved setting).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>analyze: send the alert alone, without metrics and logs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs --payload FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--model: the model name is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 only applies to &quot;analyze&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--no-context leaves metrics and logs out: drop --prometheus and --loki.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forward: the chat destination, by its name in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forward: a Markdown file to send as the alert&apos;s analysis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forward: print the message instead of sending it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send an alert of --payload (with --analysis) to the chat destination --to, as the Forward button does, and exit; --dry-run prints the message instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 only applies to &quot;forward&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 does not apply to &quot;forward&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forward needs --to NAME: the chat destination as named in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replay: how much faster than it happened (1, 10, 60, 600…; default 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replay: as fast as possible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replay: shorten quiet stretches longer than this many seconds to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replay: send &quot;Authorization: Bearer&quot; with the token in this environment variable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VAR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replay: send Basic auth with &quot;user:password&quot; from this environment variable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post the payloads of FILE|DIR... (single payloads, JSON arrays, NDJSON as history export writes it) to the listener at --to URL at their original pacing, and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replay needs one or more FILE or DIR to replay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replay needs --to URL: the listener to post the payloads to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--to: &quot;%1&quot; is not an http(s) URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--speed and --max exclude each other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--speed: &quot;%1&quot; is not a positive number (1, 10, 60…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--max-gap: &quot;%1&quot; is not a number of seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--token-env and --basic-env exclude each other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 does not apply to &quot;replay&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 only applies to &quot;replay&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the profile NAME: its own settings, data, keychain entries and default port (letters, digits, - and _).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--profile: &quot;%1&quot; is not a profile name; use letters, digits, - and _ (at most 32).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the settings from this INI file (the keys Settings uses; secrets stay out of it). Invalid files stop a headless start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use &quot;config check FILE&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>analyze: let the model query Prometheus and Loki itself (read-only tools), whatever the saved setting says; each call is listed on stderr. Default: the saved setting (on unless turned off).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>analyze: no tool calls, whatever the saved setting says: one request, one answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>analyze: ask a follow-up question about the latest analysis of the alert stored in --data-dir (which it needs) and print the new answer; the conversation is stored back. Exit status 1 when there is no stored analysis to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QUESTION</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stream the AI analysis of an alert of --payload to stdout (reasoning to stderr) and exit; the key comes from ALERTDECK_DEEPSEEK_API_KEY or the keychain. With --json, print one JSON object at the end instead: answer, reasoning, model, outcome, error, evidence [{id, kind, text}], citations [{id, count, valid, kind, text}], claims {claims, cited, unsupported, invalid_citations, unsupported_sentences}, hypotheses, hypotheses_problems, top_hypothesis, tool_steps [{call_id, name, arguments, state, summary, evidence_id}], usage {prompt_tokens, completion_tokens, total_tokens, reasoning_tokens}. With --data-dir DIR the analysis is stored there, and --ask continues it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--tools and --no-tools exclude each other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--ask: the question is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--ask continues an analysis stored in --data-dir DIR: give the directory the analysis was stored in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>history export: first receive time (RFC 3339 or YYYY-MM-DD); report: the window&apos;s start (also 12h, 7d: back from now; default: the last report, at most 7 days back, else 12h); incidents: the earliest start (the same forms; default 24h).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>history export: receive time to stop before (RFC 3339 or YYYY-MM-DD); report: the window&apos;s end (default: now).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>context, analyze, forward, similar: a webhook payload file (any format the listener accepts).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>context, analyze, forward, similar: which alert of the payload, from 1 (default 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>context, analyze, incidents, similar: print JSON instead of text (analyze: one object once it ends).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incidents: list each incident&apos;s alerts under it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>report: md (Markdown, the default) or json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the handover report of --data-dir for the window --since to --until (open alerts, counts, notes, analyses, noisiest rules, times to acknowledge and resolve) and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the incidents of --data-dir that started since --since, newest first (at most %1): title, worst severity, state, alerts, shared scope; --verbose adds their alerts, --json prints one object {since, total, truncated, incidents [{anchor, title, severity, state, started_at, member_count, scope, members [...]}]}. Alerts stored before AlertDeck grouped incidents belong to none and are left out. Reads only: works while AlertDeck runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print what the store in --data-dir has seen before of an alert of --payload: how often it fired in the last 30 days (new, rare, occasional, frequent), how long it usually lasted, and up to 5 earlier occurrences that match, with the reason, resolution note and analysis (--json: one object). Reads only, with the word index the running AlertDeck has built so far.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1: &quot;%2&quot; is not a time; use RFC 3339 (2026-11-22T10:00:00Z), a date (2026-11-22) or a time back from now (12h, 7d).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--since must be before --until.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--format: &quot;%1&quot; is not md or json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--until does not apply to &quot;incidents&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>similar needs --payload FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 does not apply to &quot;similar&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--since and --until only apply to &quot;history export&quot;, &quot;report&quot; and &quot;incidents&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--format only applies to &quot;report&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--verbose only applies to &quot;incidents&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 only applies to &quot;context&quot;, &quot;analyze&quot;, &quot;forward&quot; and &quot;similar&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfigCheckCommand</name>
    <message numerus="yes">
        <source>%n problem(s) in %1.</source>
        <translation>
            <numerusform>%n problem in %1.</numerusform>
            <numerusform>%n problems in %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>; The configuration %1 gives (&quot;; default&quot; marks what it leaves as it is).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;from file %1&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;from env %1&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;from keychain&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;missing&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;missing: %1&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfigFile</name>
    <message>
        <source>&quot;%1&quot; is not an http:// or https:// URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the URL holds a password: give the user in the file and the password as a secret (keychain, environment or --secret)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>secrets do not go in a configuration file: keep them in the keychain (Settings), in the environment (ALERTDECK_&lt;NAME&gt;) or in a file given with --secret NAME=@FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an INI file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give the destinations either here (JSON) or as [Destination.ID] sections, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>secrets do not go in a configuration file: name them with secret=NAME and give ALERTDECK_SECRET_NAME or --secret NAME=@FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown key (one of %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a chat tool; use one of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1= names a secret (letters, digits, _), it does not hold it: write e.g. %1=%2 and give the value in ALERTDECK_SECRET_%2, with --secret %2=@FILE or in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing: name the secret holding the webhook URL (Telegram: the bot token), e.g. secret=%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write the settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is a named pipe (FIFO), not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is a folder, not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is a device, not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is larger than %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionChecker</name>
    <message>
        <source>HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the credentials were refused%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: nothing there — check the URL (and any path prefix)%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1, but the answer is not %2&apos;s API: is this the right URL?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a URL (http://host:port)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No answer within %n second(s)</source>
        <translation>
            <numerusform>No answer within %n second</numerusform>
            <numerusform>No answer within %n seconds</numerusform>
        </translation>
    </message>
    <message>
        <source>Connected: Prometheus %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Connected: Loki answered with %n label name(s)</source>
        <translation>
            <numerusform>Connected: Loki answered with %n label name</numerusform>
            <numerusform>Connected: Loki answered with %n label names</numerusform>
        </translation>
    </message>
    <message>
        <source>Connected: Alertmanager %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected: Alertmanager %1 (cluster %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an OpenAI-compatible provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Connected: the key works; %n model(s) offered</source>
        <translation>
            <numerusform>Connected: the key works; %n model offered</numerusform>
            <numerusform>Connected: the key works; %n models offered</numerusform>
        </translation>
    </message>
    <message>
        <source>, including %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected: the key works, but the model &quot;%1&quot; is not offered (offered: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not ask Loki which streams %1 matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>But %1, the label map&apos;s selector for the alert &quot;%2&quot;, finds no log streams around its start: the Logs tab will ask Loki for other labels and offer to save the one that works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not check a sample alert&apos;s streams: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionTestButton</name>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContextClient</name>
    <message>
        <source>no answer within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the list of label names is larger than %L1 KiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer is larger than %L1 MiB and was not read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer is not Prometheus&apos;s API (HTTP %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContextCommand</name>
    <message>
        <source>Alert %1 of %2: %3 (%4, %5) from %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window: %1 … %2, step %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing to plot: the alert has no PromQL and is not a node_exporter target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>threshold %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n series</source>
        <translation>
            <numerusform>%n series</numerusform>
            <numerusform>%n series</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s)</source>
        <translation>
            <numerusform>%n point</numerusform>
            <numerusform>%n points</numerusform>
        </translation>
    </message>
    <message>
        <source>min %1  max %2  last %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loki: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n line</numerusform>
            <numerusform>%n lines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContextPage</name>
    <message>
        <source>Metrics and logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min before the start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra charts and the Loki label map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only error-like lines (error, fail, panic, fatal, critical, warn, kill, OOM, timeout, refused…)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContextPlan</name>
    <message>
        <source>Alert expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU busy %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory used %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk used %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network bytes/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of this alert&apos;s labels identifies a log stream (looked for %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alert&apos;s expression is too long to chart (%L1 characters).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContextResponse</name>
    <message>
        <source>the answer is not Prometheus&apos;s API (HTTP %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a range (matrix) result, got &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer is not Loki&apos;s API (HTTP %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContextService</name>
    <message>
        <source>No Loki is configured (Settings → Data sources).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no queries file to keep the label map in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContextTemplates</name>
    <message>
        <source>line %1: &quot;match&quot; needs matchers such as alertname=~&quot;Postgres.*&quot;%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: a &quot;query&quot; belongs under a &quot;match&quot; line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: write &quot;query TITLE = PROMQL&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: write &quot;loki ALERT-LABEL -&gt; LOKI-LABEL [strip-port] [group N]&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: unknown &quot;%2&quot;; lines start with match, query, loki or #</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;match %1&quot; has no &quot;query&quot; lines under it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source># Extra charts and the Loki label map for AlertDeck&apos;s Metrics and Logs tabs.
#
# match &lt;filter-bar matchers&gt;     starts a template for matching alerts
# query &lt;title&gt; = &lt;PromQL&gt;        adds a chart; ${labels.NAME} is the alert&apos;s label
# loki &lt;alert label&gt; -&gt; &lt;Loki label&gt; [strip-port] [group N]
#                                  replaces the default label map
#
# Example:
# match alertname=~&quot;Postgres.*&quot;
# query Connections = sum(pg_stat_activity_count{instance=&quot;${labels.instance}&quot;})
# query Replication lag (s) = pg_replication_lag{instance=&quot;${labels.instance}&quot;}
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a backslash stands right before ${labels.%1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the label %1 holds a ` that cannot go in a `…` string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is left out: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationText</name>
    <message>
        <source>You asked:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataDirectory</name>
    <message>
        <source>The data directory %1 is a file, not a directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the data directory %1: check that its parent exists and is writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data directory %1 is not writable: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved alerts and payloads older than this are removed in the background.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new directory is used from the next start; this run keeps %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep resolved alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a full path (it is used from the next start, whatever folder AlertDeck starts in).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export webhook history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NDJSON (*.ndjson);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n payload(s) to %1.</source>
        <translation>
            <numerusform>Exported %n payload to %1.</numerusform>
            <numerusform>Exported %n payloads to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Alerts of the same Alertmanager &amp;group join one incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts that share the value of one of these scopes and start close together form one incident. Separate scopes with &quot;;&quot;, join labels that name one thing with &quot;+&quot; (namespace+pod) and give alternatives with &quot;|&quot; (instance|host|node). A trailing :port is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An alert joins an incident when it starts within this time of its alerts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An incident ends when all its alerts have been resolved this long; a later alert starts a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Related when they share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting within</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ends when resolved for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merges and splits made by hand are kept whatever these rules say.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give at least one scope, for example %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Firing alerts always show. Resolved ones leave the table (not the store) after this long; “Search older history” in the filter bar brings them back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show resolved alerts in the table for</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataSourcesPage</name>
    <message>
        <source>empty: no authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>http://prometheus:9090 (one per line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>http://loki:3100 (empty: no log snippets)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X-Scope-OrgID, for multi-tenant Loki</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>http://alertmanager:9093 (one per line, one HA cluster)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus (metric windows)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URLs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loki (log snippets)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alertmanager (silences and catch-up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a URL first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A user needs a password (Set… on the line below).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grafana (Open in Explore from the Logs tab)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://grafana.example.com (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Loki data source&apos;s uid in Grafana</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loki data source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the uid of Grafana&apos;s Loki data source too (Connections → Data sources → Loki; it is in the page&apos;s address).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also at start and after the computer wakes up or its network changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catch up every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge silences the alert this long, extended while it fires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your login name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown as the creator of silences and acknowledgements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silence author</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DestinationDialog</name>
    <message>
        <source>Signing secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the message before sending it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. #ops-alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The URL, token and signing secret are kept in the system keychain, never in the settings file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bot token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stored in the keychain; type to replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>123456789:AAH… from BotFather</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://… as the tool shows it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged unless typed; optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram needs the chat id to post to (a number, or @channelname).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: AlertDeck&apos;s JSON (title, text, alert, links, analysis). Or JSON of your own, e.g.
{&quot;msg&quot;: &quot;{{alert.name}} is {{alert.state}}&quot;, &quot;host&quot;: &quot;{{alert.labels.instance}}&quot;}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Placeholders, replaced inside JSON strings: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DestinationsPage</name>
    <message>
        <source>Chat destinations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send test message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Forward button sends the selected alert and its analysis to the default destination; its menu lists the others.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No destinations yet: Add… one for Slack, DingTalk, Feishu, WeCom, Teams, Mattermost, Telegram, Discord or any webhook.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending a test message to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AlertDeck test message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you can read this, AlertDeck can forward alerts to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No webhook URL or token is stored for %1: choose Edit… and paste it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailTabs</name>
    <message>
        <source>&amp;Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hi&amp;story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an analysis to show it in the AI analysis panel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occurrences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI analyses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo alerts are not stored, so they have no earlier occurrences or saved analyses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forwards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier occurrences, AI analyses and forwards of the selected alert are listed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replayed alerts are kept apart from live ones: their history stays in the replay session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the alert the analysis is about to see %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the alert is not muted now; the silence the analysis saw has ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the alert has no “%2” now (it changed since the analysis).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the metrics are not loaded yet; click it again once they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: its chart is not among those shown now (the metric queries changed since the analysis).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the chart is loading; its point is marked when it arrives.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: its series is not in the chart now; the chart is shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s point at %2 is outside the shown window — showing the alert&apos;s window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s point at %2 is outside the alert&apos;s window; its series is emphasised.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the log lines are not loaded yet; its line is selected when they arrive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s line at %2 is outside the shown window — showing the alert&apos;s window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s line at %2 is not among the lines loaded now; showing the lines around its time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: that occurrence is not in this alert&apos;s history here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an earlier incident like this one: see “Seen before” beside the Overview.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Incident charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The headline metric of each alert of the selected incident, together</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DingTalkTool</name>
    <message>
        <source> — DingTalk rejected the signature or keyword: check the signing secret, the robot&apos;s security settings and this machine&apos;s clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — the robot&apos;s token is invalid: copy the webhook URL again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — the robot sends at most 20 messages a minute</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiscordTool</name>
    <message>
        <source>Sent from AlertDeck</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnvironmentSecretStore</name>
    <message>
        <source>Cannot read the secret file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In headless mode secrets come from %1 or --secret %2=@FILE; they cannot be changed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>environment variables and --secret files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret file %1 is empty; an empty secret is no secret.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceChips</name>
    <message>
        <source>%1 is not in this analysis&apos;s evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2
%3
Click to show it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsupported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This sentence states a cause without citing evidence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2
%3
Click to see “Seen before” on the Overview</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceSet</name>
    <message>
        <source>alert field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>annotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>metric series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>log line group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>log line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>earlier occurrence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>silence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored evidence is too large to read (%L1 bytes; at most %L2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored evidence is not valid JSON (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored evidence has format version %1; this AlertDeck reads version %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored evidence has %L1 items; at most %L2 are read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored evidence is damaged: item %1 has no valid id or kind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>earlier incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>related alert</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeishuTool</name>
    <message>
        <source> — Feishu rejected the signature: check the signing secret and this machine&apos;s clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — the bot only accepts messages from allowed IP addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — the bot limits how often it accepts messages</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Filter (Ctrl+F): words, or matchers such as severity=&quot;critical&quot; instance=~&quot;db-.*&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free words match the name, summary, target and label values.
Matchers work like Alertmanager&apos;s: name=&quot;v&quot;, name!=&quot;v&quot;, name=~&quot;regex&quot;, name!~&quot;regex&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Firing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n hidden by the filter</source>
        <translation>
            <numerusform>%n hidden by the filter</numerusform>
            <numerusform>%n hidden by the filter</numerusform>
        </translation>
    </message>
    <message>
        <source>Replayed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show alerts from replay sessions beside the live ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search older history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching older history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The table holds firing alerts and those resolved within the last %n hours. Look for older resolved alerts matching this filter in the store.</source>
        <translation>
            <numerusform>The table holds firing alerts and those resolved within the last hour. Look for older resolved alerts matching this filter in the store.</numerusform>
            <numerusform>The table holds firing alerts and those resolved within the last %n hours. Look for older resolved alerts matching this filter in the store.</numerusform>
        </translation>
    </message>
    <message>
        <source>The older history could not be searched: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n older alerts added from the store; there are more: narrow the filter to see them.</source>
        <translation>
            <numerusform>%n older alert added from the store; there are more: narrow the filter to see them.</numerusform>
            <numerusform>%n older alerts added from the store; there are more: narrow the filter to see them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n older alerts added from the store</source>
        <translation>
            <numerusform>%n older alert added from the store</numerusform>
            <numerusform>%n older alerts added from the store</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FollowUpInput</name>
    <message>
        <source>with fresh data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask a follow-up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gather the alert&apos;s metrics, logs and history again for this question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the question (Enter; Shift+Enter starts a new line)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ForwardCommand</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No chat destination is set up: add one in Settings → Chat destinations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No chat destination is called &quot;%1&quot;; there are: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The analysis was cut to fit the tool&apos;s size limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scripts can set %1 instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ForwardController</name>
    <message>
        <source>Forwarding rule held back %1 for %2: hourly limit reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No chat destinations yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preview before sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat &amp;destinations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No chat destination is set up yet: add Slack, DingTalk, Feishu, WeCom, Teams or another tool in Settings → Chat destinations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forwarded %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A forwarding rule could not send %1 to %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forwarding %1 to %2 failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward to %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Forwarded %1 and %n related to %2</source>
        <translation>
            <numerusform>Forwarded %1 and %n related to %2</numerusform>
            <numerusform>Forwarded %1 and %n related to %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Forwarding rule: %1 goes to %2 once its analysis is done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ForwardMessage</name>
    <message>
        <source>RESOLVED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FIRING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[%1] %2 on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[REPLAY] %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top hypothesis:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 % confidence: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n related</source>
        <translation>
            <numerusform>%1 and %n related</numerusform>
            <numerusform>%1 and %n related</numerusform>
        </translation>
    </message>
    <message>
        <source>Related alerts (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ForwardPreviewDialog</name>
    <message>
        <source>Forward %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the message…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact &amp;JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Destination:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the stored webhook URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POST to %1 · %2 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The analysis was cut to fit the tool&apos;s size limit; the message says so.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward the incident %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>One message for the incident: %1 and %n related alert(s): %2</source>
        <translation>
            <numerusform>One message for the incident: %1 and %n related alert: %2</numerusform>
            <numerusform>One message for the incident: %1 and %n related alerts: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ForwardRulesEditor</name>
    <message>
        <source>Forwarding rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts matching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> per hour at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matchers as in the filter bar, e.g. severity=&quot;critical&quot; team=~&quot;db.*&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule %1 has no matcher: say which alerts it forwards, e.g. severity=&quot;critical&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule %1 has no destination: add one above first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New firing alerts that match a rule are forwarded at once, with their automatic analysis when there is one; each occurrence goes to a destination only once. A rule for incidents sends one message per incident, its alerts listed, once the incident has settled. No rules: nothing is forwarded automatically.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each incident, once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every matching alert that starts firing is one message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The incident a matching alert belongs to is one message, sent once, with its other alerts listed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ForwardService</name>
    <message>
        <source>Preparing the message for %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 — retrying in %n s (try %2 of %3)…</source>
        <translation>
            <numerusform>%1 — retrying in %n s (try %2 of %3)…</numerusform>
            <numerusform>%1 — retrying in %n s (try %2 of %3)…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Waiting for %1&apos;s rate limit: sending in %n s…</source>
        <translation>
            <numerusform>Waiting for %1&apos;s rate limit: sending in %n s…</numerusform>
            <numerusform>Waiting for %1&apos;s rate limit: sending in %n s…</numerusform>
        </translation>
    </message>
    <message>
        <source>Queued for %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forwarded to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward to %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forwards waiting: %1 (%2); next in %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No webhook URL or token is stored for %1: add it in Settings → Chat destinations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webhook URL for %1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That destination no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a JSON array of rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule %1: the target &quot;%2&quot; is not one of alert, incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The incident has no alerts left.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FreedesktopNotifier</name>
    <message numerus="yes">
        <source>%n alert(s) firing</source>
        <translation>
            <numerusform>%n alert firing</numerusform>
            <numerusform>%n alerts firing</numerusform>
        </translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandoverForwarder</name>
    <message>
        <source>No keychain is available to read the address of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No webhook URL or token is stored for %1: add it in Settings → Chat destinations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webhook URL for %1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandoverReport</name>
    <message>
        <source>from an occurrence&apos;s start to its end, over the occurrences that ended (resolved) in the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from an occurrence&apos;s start to the start of the first Alertmanager silence or acknowledgement whose matchers select the alert and that began while it fired; occurrences that started in the window; a silence made before the occurrence began does not count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>occurrences that started in the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>occurrences that ended (resolved) in the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>occurrences started before the window&apos;s end and not resolved by then; age = window end − start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alert rules ranked by occurrences started in the window, then by starts and ends per hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nearest rank: the median is the ⌈n/2⌉-th smallest value, p90 the ⌈0.9·n⌉-th</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the alert store: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alertmanager was not asked for its silences.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report&apos;s window must start before it ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incidents as AlertDeck grouped the alerts when they arrived, with an alert still firing at the window&apos;s end; members = their alerts started by then; age = window end − the first member&apos;s start; the title names the first member with the worst severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n related</source>
        <translation>
            <numerusform>%1 and %n related</numerusform>
            <numerusform>%1 and %n related</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HandoverReportDialog</name>
    <message>
        <source>Build report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Markdown…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handover report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since the last report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 12 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No chat destination is set up (Settings → Chat destinations).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no report to export yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending the report to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That chat destination no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandoverReportText</name>
    <message>
        <source>Window: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handover report</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>**%1** until %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to measure in this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Median %1, p90 %2, over %n occurrence(s).</source>
        <translation>
            <numerusform>Median %1, p90 %2, over %n occurrence.</numerusform>
            <numerusform>Median %1, p90 %2, over %n occurrences.</numerusform>
        </translation>
    </message>
    <message>
        <source>Definition: %1. Percentiles: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n/a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handover report, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing fired, resolved or stayed open in this window, and no analysis was made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Still open (%n alert(s), </source>
        <translation>
            <numerusform>Still open (%n alert, </numerusform>
            <numerusform>Still open (%n alerts, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n incident(s))</source>
        <translation>
            <numerusform>in %n incident)</numerusform>
            <numerusform>in %n incidents)</numerusform>
        </translation>
    </message>
    <message>
        <source>Still open (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Definition: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open %1, since %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fired and resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 fired, %3 resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total: %1 fired, %2 resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fired: %1. Resolved: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not measured: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured over the first %1 alerts of the window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledgements and silences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledgements (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silences (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ending in the next 12 hours (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active at some time in the window; acknowledgements are silences with the comment &quot;ack&quot; (AlertDeck&apos;s Acknowledge).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution notes (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This alert store keeps no resolution notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(started %1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analyses (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noisiest rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n firing(s), %1 starts and ends per hour, median duration %2</source>
        <translation>
            <numerusform>%n firing, %1 starts and ends per hour, median duration %2</numerusform>
            <numerusform>%n firings, %1 starts and ends per hour, median duration %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Open incidents (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This alert store keeps no incidents (it was written by an older AlertDeck).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n alert(s) firing</source>
        <translation>
            <numerusform>%1 of %n alert firing</numerusform>
            <numerusform>%1 of %n alerts firing</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HttpConnection</name>
    <message>
        <source>webhook ingestion is not available; retry later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the listener is receiving too many payloads at once; retry later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid or missing X-Grafana-Alerting-Signature</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HttpListener</name>
    <message>
        <source>Port %1 is in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot listen on %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening on %1 (reachable from other machines) requires authentication: set a listener token or basic auth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTPS cannot start: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HttpRequestParser</name>
    <message>
        <source>bare LF in the request head; lines must end with CR LF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request header larger than %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bare CR in the request head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folded header lines are not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed header line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>control character in header %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed HTTP request line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP version %1 is not supported; use HTTP/1.1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than one Host header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an HTTP/1.1 request needs a Host header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer-Encoding given more than once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content-Length given more than once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer-Encoding is not allowed in an HTTP/1.0 request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>both Content-Length and Transfer-Encoding given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chunked applied more than once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transfer encoding &quot;%1&quot; is not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid Content-Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request body of %1 bytes exceeds the limit of %2 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed chunked body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bare LF in the chunked body; lines must end with CR LF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bare CR in the chunked body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed chunk size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request body exceeds the limit of %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request trailer larger than %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Hypotheses</name>
    <message>
        <source>Hypothesis %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hypothesis %1 (“%2”)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hypothesis %1 is not a JSON object; it is left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hypothesis %1 has no title; it is left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the status “%2” is not likely, possible or ruled_out; it is left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the confidence is not a number from 0 to 1; it is shown without one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer lists %1 hypotheses; only the first %2 are shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hypotheses block is too long (%L1 characters; at most %L2); it is not shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hypotheses block is not valid JSON (%1 at character %2); the answer is shown without the board.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hypotheses block is not a JSON array of hypotheses; the answer is shown without the board.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hypothesis “%1” cites %2, which the evidence does not hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored hypotheses are too large to read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored hypotheses are damaged (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored hypotheses are damaged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Likely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ruled out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 %): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HypothesesBoard</name>
    <message>
        <source>Hypotheses</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (and %n more problem(s))</source>
        <translation>
            <numerusform>%1 (and %n more problem)</numerusform>
            <numerusform>%1 (and %n more problems)</numerusform>
        </translation>
    </message>
    <message>
        <source>The hypotheses are arriving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model&apos;s confidence in this hypothesis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Against:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentCharts</name>
    <message>
        <source>Select an incident to see its alerts&apos; charts together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics are not available here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The headline metric of the %1 worst of its %n alert(s), on one time axis.</source>
        <translation>
            <numerusform>The headline metric of the %1 worst of its %n alert, on one time axis.</numerusform>
            <numerusform>The headline metric of the %1 worst of its %n alerts, on one time axis.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The headline metric of each of its %n alert(s), on one time axis.</source>
        <translation>
            <numerusform>The headline metric of its %n alert, on one time axis.</numerusform>
            <numerusform>The headline metric of each of its %n alerts, on one time axis.</numerusform>
        </translation>
    </message>
    <message>
        <source>no metric to chart for this alert</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentList</name>
    <message>
        <source>Cannot read the incidents from the alert store: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n related</source>
        <translation>
            <numerusform>%1 and %n related</numerusform>
            <numerusform>%1 and %n related</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IncidentRules</name>
    <message>
        <source>The scope “%1” joins more than %2 labels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scope “%1” offers more than %2 alternatives for one label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” in the scope “%2” is not a label name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most %1 scopes can be given.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentTableModel</name>
    <message numerus="yes">
        <source>%1 and %n related</source>
        <translation>
            <numerusform>%1 and %n related</numerusform>
            <numerusform>%1 and %n related</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>firing (%n alert(s))</source>
        <translation>
            <numerusform>firing (%n alert)</numerusform>
            <numerusform>firing (%n alerts)</numerusform>
        </translation>
    </message>
    <message>
        <source>resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentTimeline</name>
    <message>
        <source>Incident timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No alerts in this incident.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>and %n more alert(s)</source>
        <translation>
            <numerusform>and %n more alert</numerusform>
            <numerusform>and %n more alerts</numerusform>
        </translation>
    </message>
    <message>
        <source>still firing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resolved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
started %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentsCommand</name>
    <message>
        <source>No incidents started since %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incidents started since %1: %2, newest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>firing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 more not listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 more not listed (at most %2 are; give a later --since).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentsView</name>
    <message>
        <source>&amp;Merge incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Split out of incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join the selected incidents into one (Ctrl+Shift+M). Kept across restarts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+X</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected alert into an incident of its own (Ctrl+Shift+X). Kept across restarts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an incident to see its alerts over time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InstantValues</name>
    <message>
        <source>the answer is not Prometheus&apos;s API (HTTP %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an instant (vector) result, got &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message>
        <source>No system keychain found: install and unlock gnome-keyring or KWallet (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain refused access: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LabelMapFile</name>
    <message>
        <source># Loki label map (the first group whose labels the alert has wins; the first group was saved from the Logs tab).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ListenAddress</name>
    <message>
        <source>The listen address is empty; expected HOST:PORT, for example 127.0.0.1:9095.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid listen address; write IPv6 addresses as [::1]:9095.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no port; expected HOST:PORT, for example 127.0.0.1:9095.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid port; use a number from 0 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address; use an address such as 127.0.0.1, 0.0.0.0 or ::1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ListenerAuth</name>
    <message>
        <source>The listener&apos;s basic auth user &quot;%1&quot; has no password. An empty password is no protection: set a password or remove the user.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ListenerPage</name>
    <message>
        <source>Listener</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>127.0.0.1 accepts webhooks from this machine only; 0.0.0.0 from every network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. X-Grafana-Alerting-Signature-Timestamp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: plain HTTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Other machines will be able to reach this console. Webhooks must then carry the token or the Basic credentials below; prefer HTTPS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who may post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basic auth user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basic auth password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grafana HMAC secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grafana timestamp header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private key (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM files (*.pem *.key);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest webhook body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basic auth needs a password as well as the user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basic auth needs a user name as well as the password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening on %1 (reachable from other machines) requires authentication: set a Bearer token or Basic auth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTPS needs both the certificate and the private key, or neither for plain HTTP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A webhook with more alerts is refused (HTTP 413) before any of them is stored. Alertmanager&apos;s max_alerts setting can cap what it sends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most alerts per webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none: web pages may not post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alertmanager, Grafana and Nightingale never need this. A request from a web page (it carries an Origin header) is refused unless its origin is listed here, so that no site you visit can post alerts to this console. Separate several with commas, e.g. https://tools.example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed web origins</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ListenerStatusIndicator</name>
    <message>
        <source>Listening on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1 is in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listener error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listener stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook endpoint: %1/webhook</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogVolumeHistogram</name>
    <message>
        <source>Log volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No lines to count</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>up to %Ln line(s) per %1 min</source>
        <translation>
            <numerusform>up to %Ln line per %1 min</numerusform>
            <numerusform>up to %Ln lines per %1 min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>up to %Ln line(s) per %1 s</source>
        <translation>
            <numerusform>up to %Ln line per %1 s</numerusform>
            <numerusform>up to %Ln lines per %1 s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 – %2: %Ln line(s)
%3 error, %4 warning, %5 other</source>
        <translation>
            <numerusform>%1 – %2: %Ln line
%3 error, %4 warning, %5 other</numerusform>
            <numerusform>%1 – %2: %Ln lines
%3 error, %4 warning, %5 other</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LogsPane</name>
    <message>
        <source>Find in these lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log lines from around the selected alert&apos;s start are shown here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading lines from %1 to %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loki: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No lines for %1 in this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n line(s), oldest first</source>
        <translation>
            <numerusform>%n line, oldest first</numerusform>
            <numerusform>%n lines, oldest first</numerusform>
        </translation>
    </message>
    <message>
        <source>──── alert started %1 ────</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in Grafana Explore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as label-map rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only error-like lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LogQL, e.g. {job=&quot;node&quot;} |= &quot;error&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The LogQL that fetched these lines. Edit it and press Ctrl+Enter (or Run).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the query (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the query AlertDeck planned for this alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add this mapping to the Loki label map (Settings → Metrics and logs), so it is used first next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines at error or warning level, or with words such as error, fail, panic, fatal, critical, warn, kill, OOM, out of memory, timeout or refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Streams found by asking Loki with %1 (the label map has no rule for this alert&apos;s labels).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Streams found by asking Loki with %1; the label map&apos;s %2 finds none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loki found no streams for any selector tried; showing %1 from the label map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n more (hover)</source>
        <translation>
            <numerusform>%n more (hover)</numerusform>
            <numerusform>%n more (hover)</numerusform>
        </translation>
    </message>
    <message>
        <source>Tried: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking Loki which streams hold this alert&apos;s logs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n line(s) are error-like, oldest first</source>
        <translation>
            <numerusform>%1 of %n line is error-like</numerusform>
            <numerusform>%1 of %n lines are error-like, oldest first</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved to the label map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used first for every alert from now on (Settings → Metrics and logs).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the rule: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LokiStreamDiscovery</name>
    <message>
        <source>%1: not asked (tried %2 already)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no streams in this window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: Loki has no label %2 in this window</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>AlertDeck — demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AlertDeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo data: these sample alerts are not real. Start AlertDeck without --demo to see only live alerts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Analyze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Replay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About AlertDeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1 is in use — change it in Settings (or start AlertDeck with --listen HOST:PORT). Alerts are not being received.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webhook listener could not start: %1. Alerts are not being received.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No alerts yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To explore with sample alerts, start AlertDeck with --demo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point Alertmanager, Grafana or Nightingale webhooks at %1/webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading stored alerts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening on %1: other machines can reach this console, and webhooks need the configured credentials. Listen on 127.0.0.1 unless alerts must arrive over the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Listener credentials, API keys and tokens are not configured until the keychain can be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the AI provider to analyze the selected alert with its metrics and logs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the selected alert and its latest analysis to the default chat destination; the arrow lists the others.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay saved payload files or AlertDeck&apos;s history into a replay session or to another listener.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear replayed alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alertmanager sync failed at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced with Alertmanager at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 missed alerts added, %2 resolved while offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Silence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create an Alertmanager silence for the selected alert (needs an Alertmanager in Settings → Data sources).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silence %1 created in Alertmanager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged: silence %1 in Alertmanager, extended while it fires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ac&amp;knowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silence the selected alert for a short while (&quot;ack&quot;), extended while it fires.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Silences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silence %1 created in Alertmanager, extended while the alert fires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next alert, previous alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>j, k (or ↓, ↑)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the alert&apos;s details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the table from the details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menu of the selected alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menu key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep AlertDeck running?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep AlertDeck running in the tray when its window is closed?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the tray the listener keeps receiving alerts and critical ones still notify you. AlertDeck remembers this answer; change it in Settings → Notifications.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep running in the &amp;tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledging: asking Alertmanager which alerts the silence would mute…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not acknowledged: the alert is not in Alertmanager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not acknowledged yet: it would silence other alerts too</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>↻ %n update(s)</source>
        <translation>
            <numerusform>↻ %n update</numerusform>
            <numerusform>↻ %n updates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>While an alert is selected the table keeps its rows in place. Click to show the %n new or changed alert(s) in order, or press Esc in the table to let go of the selection.</source>
        <translation>
            <numerusform>While an alert is selected the table keeps its rows in place. Click to show the new or changed alert in order, or press Esc in the table to let go of the selection.</numerusform>
            <numerusform>While an alert is selected the table keeps its rows in place. Click to show the %n new or changed alerts in order, or press Esc in the table to let go of the selection.</numerusform>
        </translation>
    </message>
    <message>
        <source>Resolution &amp;note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write down the cause and the fix of the selected alert or incident; shown the next time it fires.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every alert on its own (Ctrl+1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Related alerts grouped into incidents (Ctrl+2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Handover report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Noise report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo and replayed alerts are not stored, so there is no history to compare them with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution note saved for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The resolution note was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not acknowledged: acknowledging needs an Alertmanager (Settings → Data sources)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Acknowledging %n alert(s): asking Alertmanager which alerts the silence would mute…</source>
        <translation>
            <numerusform>Acknowledging %n alert: asking Alertmanager which alerts the silence would mute…</numerusform>
            <numerusform>Acknowledging %n alerts: asking Alertmanager which alerts the silence would mute…</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to acknowledge: those alerts are resolved or acknowledged already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is about another alert of the incident, which is not in the table now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MattermostTool</name>
    <message>
        <source>Sent from AlertDeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemorySecretStore</name>
    <message>
        <source>No keychain (test).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory (tests)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MentionFormat</name>
    <message>
        <source>@ mobile numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile numbers of people in the group; the robot @-mentions them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>13800000000, 13900000000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>@ open_id / user_id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feishu open_id (ou_…) or user_id of each person; all mentions everyone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ou_5ad573a6411d72b8305fda3a9c15c70e, all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>@ userids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeCom userids (the account name in the admin console), not display names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zhangsan, lisi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>@ member / group ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member ids (U… or W…, from a profile&apos;s ⋮ menu → Copy member ID), user-group ids (S…), or here, channel, everyone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U024BE7LH, S0614TZR7, here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>@ people (UPN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each person&apos;s sign-in name (UPN), usually their work e-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anna@contoso.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>@ usernames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usernames without the @ (lower case), or channel, here, all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anna, db-oncall, here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usernames without the @: 5 to 32 letters, digits or _, starting with a letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anna_oncall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>@ user / role ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User ids, or &amp; and a role id for a role (Developer Mode, then Copy ID on the user or role).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>80351110224678912, &amp;165511591545143296</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not mentioned by %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the first %1 are mentioned.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageLayout</name>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI analysis (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MetricChart</name>
    <message>
        <source>PromQL; press Enter to run it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in Prometheus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same window in Prometheus&apos; graph page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the chart as a picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — threshold %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus could not be asked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus refused the query (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data for %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>threshold %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alert started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ghost lines of the same expression one day and one week earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag across the chart to show that time range on every chart and in the logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the range chosen above the tabs after dragging across a chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the alert&apos;s series (or the ten highest) again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every series, not only the alert&apos;s or the ten highest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 day earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 week earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (alert)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>evidence</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MetricsPane</name>
    <message>
        <source>Metric windows around the selected alert&apos;s start are shown here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to plot: this alert carries no PromQL and is not a node_exporter target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Prometheus is configured: add one in Settings → Data sources to see metric windows here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkFailure</name>
    <message>
        <source>Host not found (DNS): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection refused by %1:%2: is the service running there?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 redirected to %2, a different origin (scheme, host or port): AlertDeck does not send credentials or data to another origin, so it did not follow. If that server is the right one, configure its address directly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another origin</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoiseReport</name>
    <message>
        <source>&lt;the rule&apos;s expression&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the alert store: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoiseReportBuilder</name>
    <message>
        <source>share of the firings that no Alertmanager silence selecting the alert covered at any moment while it fired (acknowledgements are silences too)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starts and ends in the period, per hour of it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The noise report was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The period must start before it ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alertmanager was not asked for its silences.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The added `for:` cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoiseReportDialog</name>
    <message>
        <source>Build report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What if</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy rule snippet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noise report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule&apos;s present `for:`: the stored times already include it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>instead of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a rule to see what a longer `for:` would have changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No alert fired in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 firings of %2 rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 firings of %2 rules; the %3 noisiest are listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never acked: unknown (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never acked: only the first %1 alerts were matched against silences; the others count as never acknowledged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noise report for %1 – %2 (UTC).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A shorter `for:` notifies sooner and more often; the stored occurrences cannot tell how much more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 with for: %2 — %3 of %4 notifications would remain (%5 would not happen).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost: each remaining notification comes %1 later (median and maximum delay: %1; %2 of delay in all).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted over the first %1 occurrences of the rule only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied the rule with for: %1. Its expression is unknown: replace the placeholder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied the rule with for: %1 as a Prometheus rule snippet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoiseRuleTableModel</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Firings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flaps/h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≤ 5 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never acked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the alert name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>occurrences that started in the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>median duration of the firings that resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>share of the resolved firings that lasted at most 5 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>firings over the period, in %1 equal parts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotificationBanner</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotificationPolicy</name>
    <message>
        <source>Notification matchers: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Firing since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) firing</source>
        <translation>
            <numerusform>%n alert firing</numerusform>
            <numerusform>%n alerts firing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotificationsPage</name>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not disturb: count alerts in the tray, notify of none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play a sound with each notification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: no notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts that start firing and match these are notified, e.g. severity=&quot;critical&quot; or severity=~&quot;critical|warning&quot;, team=&quot;db&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the first time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep running in the tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit AlertDeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desktop notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notify for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the tray AlertDeck keeps receiving alerts; its icon counts the critical ones firing.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PayloadAlert</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a webhook payload AlertDeck understands: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 holds %n alert(s); there is no alert %2.</source>
        <translation>
            <numerusform>%1 holds %n alert; there is no alert %2.</numerusform>
            <numerusform>%1 holds %n alerts; there is no alert %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PayloadExport</name>
    <message>
        <source>There is no alert store at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the alert store %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an AlertDeck alert store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the alert store %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the export: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PayloadJournal</name>
    <message>
        <source>Cannot open the payload journal %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payload journal %1 cannot be used: %2 It was left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it belongs to another program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the payload journal is not open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PayloadParser</name>
    <message>
        <source>null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: expected an object, got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: expected a string, got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not an RFC 3339 time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: expected Unix seconds, got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is neither &quot;firing&quot; nor &quot;resolved&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alerts: missing (an Alertmanager or Grafana webhook has an &quot;alerts&quot; array)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alerts: expected an array, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: expected a number (1, 2 or 3), got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: expected an array of &quot;key=value&quot; strings, got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1[%2]: expected &quot;key=value&quot;, got &quot;%3&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: expected true or false, got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the body is empty; expected a JSON webhook payload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid JSON at byte %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unrecognised payload: expected an Alertmanager or Grafana webhook (an object with &quot;alerts&quot;) or a Nightingale event (an object with &quot;rule_name&quot;, or an array of them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too many alerts: the payload holds %1 and the limit is %2 per payload (Settings → Listener, or Listener/maxAlertsPerPayload in the configuration file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is outside the years 1970 to 9999</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: expected Unix seconds, got &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 is outside 0 to %3 Unix seconds (the years 1970 to 9999)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>truncatedAlerts: expected a count of 0 or more, got %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProviderModels</name>
    <message>
        <source>The answer is not an OpenAI-compatible model list: is this the right URL?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a provider URL (https://host[/v1])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model list is larger than %1 MiB: is this the right URL?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No answer from %1 within %n second(s)</source>
        <translation>
            <numerusform>No answer from %1 within %n second</numerusform>
            <numerusform>No answer from %1 within %n seconds</numerusform>
        </translation>
    </message>
    <message>
        <source>HTTP %1: the API key was refused%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP 404: no model list at %1 — check the base URL (many servers need /v1 at the end)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadOnlyStore</name>
    <message>
        <source>There is no alert store at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the alert store %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an AlertDeck alert store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the alert store %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alert store %1 was written by an older AlertDeck; start AlertDeck once to upgrade it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alert store %1 was written by a newer AlertDeck (schema %2; this one reads %3).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReplayCommand</name>
    <message>
        <source>skipped %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--token-env: %1 is not set or empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--basic-env: %1 must hold user:password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replayed %1 of %2 payloads to %3: %4 accepted, %5 refused; %6 inputs skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReplayDialog</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AlertDeck&apos;s &amp;history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This &amp;console (a replay session, kept apart from live alerts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another &amp;listener</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let automatic analysis and forwarding rules react</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip quiet stretches longer than 1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear replayed alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay payloads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional matchers, e.g. severity=&quot;critical&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off: replayed alerts never start an analysis or a forward. On: a drill that exercises them; forwards say [REPLAY].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basic user:password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>×1 (as it happened)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>×10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>×60</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>×600</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As fast as possible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v of %m payloads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines that could not be read and payloads that were refused are listed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts matching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payload files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payloads (*.json *.ndjson *.jsonl);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder of payload files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replayed alerts cleared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an http(s) URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the payloads…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to replay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay time %1 UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReplaySession</name>
    <message>
        <source>The replay store could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stored</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReplaySource</name>
    <message>
        <source>receivedAt &quot;%1&quot; is not an RFC 3339 time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a JSON value that is not a webhook payload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not JSON (%1 at character %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not JSON: expected a webhook payload, a JSON array of payloads or NDJSON (%1 at character %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no .json, .ndjson or .jsonl files in this folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportCommand</name>
    <message>
        <source>The command line does not ask Alertmanager for its silences.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the alert store: step %1 of %2…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportRows</name>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the alert store… %p%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestAdmission</name>
    <message>
        <source>&quot;%1&quot; is not a web origin: write it as scheme://host or scheme://host:port, e.g. https://tools.example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requests from web pages are refused (Sec-Fetch-Site: cross-site)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requests from web pages are refused (Origin: %1); allow the origin in Settings → Listener if a browser tool must post here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host &quot;%1&quot; is not this listener&apos;s name; a listener on a loopback address answers to localhost and loopback addresses only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use GET for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such endpoint: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use POST for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>authentication required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content-Type must be application/json; the request has none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content-Type must be application/json, got &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestPreviewDialog</name>
    <message>
        <source>Request for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About %1 tokens of prompt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trimmed to the context budget: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key is set: the request goes without one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as &amp;curl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A shell command; it reads the key from $ALERTDECK_DEEPSEEK_API_KEY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the key from the keychain)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResolutionNote</name>
    <message>
        <source>cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 is longer than %2 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note is longer than %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link must be a web address (http:// or https://).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cause: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored note is larger than %1 KiB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored note is not a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResolutionNoteDialog</name>
    <message>
        <source>Resolution note — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What caused it, e.g. the nightly import ran out of memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What fixed it, e.g. raised the memory limit and restarted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://… (runbook, ticket, post-mortem)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anything the next person should know</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept with this occurrence and shown when it, or something like it, fires again. The next AI analysis of a similar alert reads it as an earlier incident.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cause:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Action taken:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Link:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecretField</name>
    <message>
        <source>Replace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New value (saved to the keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Will be removed when you save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in keychain ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SeenBefore</name>
    <message>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>occasional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>frequent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the same alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the same alert name on the same target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>similar text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SeenBeforeCard</name>
    <message>
        <source>Resolution &amp;note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write down what caused this and what fixed it, for the next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Seen before&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking through the history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new: never seen in 30 days; rare: in at most 5 % of the incidents; frequent: in at least 20 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No earlier alert like this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lasted %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>still firing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2, %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No resolution note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI analysis: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not seen in the last 30 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Fired %n time(s) in the last 30 days.</source>
        <translation>
            <numerusform>Fired once in the last 30 days.</numerusform>
            <numerusform>Fired %n times in the last 30 days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Fired %n time(s) in the last 30 days, usually for %1.</source>
        <translation>
            <numerusform>Fired once in the last 30 days, usually for %1.</numerusform>
            <numerusform>Fired %n times in the last 30 days, usually for %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>How often the selected alert fired before, and what fixed it, shows here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SeriesLegend</name>
    <message>
        <source>%1
(the alert&apos;s own series)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerTls</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTPS is not available: Qt found no TLS library (OpenSSL) on this system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is protected by a passphrase; AlertDeck needs an unencrypted key file (readable only by you).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no PEM private key (RSA or EC).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved, but the keychain refused:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving credentials to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write these settings to a file to share or keep (secrets stay out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AlertDeck settings (*.ini)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill the pages from a settings file; nothing changes until Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AlertDeck settings (*.ini);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some entries need attention (marked in red); %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing was exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not export to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1 (without secrets).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1: look through the pages, then Save (Cancel keeps your settings).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>&quot;%1&quot; is not an http:// or https:// URL with a host name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SeverityCountsIndicator</name>
    <message>
        <source>No firing alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Firing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 muted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replay: %1 firing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live alerts firing by severity. Silenced, inhibited and acknowledged alerts are counted as muted; replayed alerts are never counted as firing.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SilenceDialog</name>
    <message>
        <source>Silence %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>why, e.g. disk being replaced (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Silence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts whose labels match all of these are silenced:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A silence needs at least one matcher.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matches no alert firing now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why in the comment: it is what others see on the silence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit silence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match alerts whose label is anything else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add matcher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the end (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 from now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An hour at a time, extended while the alert fires and AlertDeck runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Matches %n alert(s) firing now: %1</source>
        <translation>
            <numerusform>Matches %n alert firing now: %1</numerusform>
            <numerusform>Matches %n alerts firing now: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Saving the silence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom end…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the date and time the silence ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the past: choose a later time</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The end is in the past: choose a date and time after now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SilenceListModel</name>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matchers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silencing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ended %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starts in %1, ends %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation>
            <numerusform>%n alert</numerusform>
            <numerusform>%n alerts</numerusform>
        </translation>
    </message>
    <message>
        <source>Silence %1
Matchers:
%2
Comment: %3
Starts %4
Ends %5
Reported by %6</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SilencesDialog</name>
    <message>
        <source>&amp;Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xpired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ex&amp;pire…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search matchers, comments, authors (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the silences again (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the matchers, end or comment (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the silence now (Delete); the alerts it mutes notify again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read every Alertmanager:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Alertmanager is configured: add its URL in Settings → Data sources.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading silences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recreate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silence %1 saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silence %1 replaced by %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expire silence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expire the silence for %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alerts it mutes notify again. An expired silence can be recreated from this list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xpire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiring silence %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silence %1 expired: the alerts it muted notify again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n silence(s) listed</source>
        <translation>
            <numerusform>%n silence listed</numerusform>
            <numerusform>%n silences listed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n more hidden by the filters</source>
        <translation>
            <numerusform>, %n more hidden by the filters</numerusform>
            <numerusform>, %n more hidden by the filters</numerusform>
        </translation>
    </message>
    <message>
        <source>, read at %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SimilarCommand</name>
    <message>
        <source>Alert %1 of %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>started %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seen before: %1; times it fired in the last 30 days: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, usually for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No earlier occurrence matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matches, best first:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>still firing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysis:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>cannot write %1: permission denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlackTool</name>
    <message>
        <source>Sent from AlertDeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SseParser</name>
    <message>
        <source>The provider sent a line longer than %1 MiB — not a valid event stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider sent an event longer than %1 MiB — not a valid event stream</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreLoadIndicator</name>
    <message>
        <source>Opening the alert store…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading stored alerts: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Table catching up: %Ln payload(s) waiting (%1 s behind)</source>
        <translation>
            <numerusform>Table catching up: %Ln payload waiting (%1 s behind)</numerusform>
            <numerusform>Table catching up: %Ln payloads waiting (%1 s behind)</numerusform>
        </translation>
    </message>
    <message>
        <source>Alerts arrive faster than the table takes them, so senders are answered first. Every received payload is already safe on disk; the table catches up as soon as the machine has room.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreService</name>
    <message>
        <source>the alert store is not open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreWorker</name>
    <message>
        <source>invalid or missing X-Grafana-Alerting-Signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not store the payload (%1); retry later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alert store is not open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TelegramTool</name>
    <message>
        <source>%1 refused the message: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimeRange</name>
    <message>
        <source>Around the alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom: %1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimeRangePicker</name>
    <message>
        <source>The time range of the Metrics and Logs tabs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From before the alert&apos;s start to now while it fires, to a while after its end once resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ToolStepRow</name>
    <message>
        <source>Show the result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… %n more line(s)</source>
        <translation>
            <numerusform>… %n more line</numerusform>
            <numerusform>… %n more lines</numerusform>
        </translation>
    </message>
    <message>
        <source>… more series</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n earlier occurrence(s)</source>
        <translation>
            <numerusform>%n earlier occurrence</numerusform>
            <numerusform>%n earlier occurrences</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ToolStepsView</name>
    <message numerus="yes">
        <source>%n earlier tool call(s) not listed</source>
        <translation>
            <numerusform>%n earlier tool call not listed</numerusform>
            <numerusform>%n earlier tool calls not listed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>&amp;Show AlertDeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Do not disturb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit AlertDeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AlertDeck: no critical alert firing</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>AlertDeck: %n critical alert(s) firing</source>
        <translation>
            <numerusform>AlertDeck: %n critical alert firing</numerusform>
            <numerusform>AlertDeck: %n critical alerts firing</numerusform>
        </translation>
    </message>
    <message>
        <source>Do not disturb: notifications are off</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WeComTool</name>
    <message>
        <source> — the robot&apos;s key is invalid: copy the webhook URL again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — the robot sends at most 20 messages a minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — the message is larger than WeCom accepts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WebhookTemplate</name>
    <message>
        <source>The template is not valid JSON (at character %1: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown placeholders: %1. Known: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>%1. Choose another address with --listen HOST:PORT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AlertDeck cannot start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try &apos;%1 --help&apos; for the options.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the default profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AlertDeck is already running (%1): its window was brought to the front.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AlertDeck is already running (%1). Stop it first, or run another profile with --profile NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has problems, so AlertDeck runs with its saved settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has problems; nothing was started.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
