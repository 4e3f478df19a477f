<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About AlertDeck</source>
        <translation>关于 AlertDeck</translation>
    </message>
    <message>
        <source>An operator console for on-call engineers.</source>
        <translation>面向值班工程师的告警控制台。</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1（编译于 %2）</translation>
    </message>
    <message>
        <source>Qt:</source>
        <translation>Qt：</translation>
    </message>
    <message>
        <source>Data directory:</source>
        <translation>数据目录：</translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
</context>
<context>
    <name>AcknowledgeDialog</name>
    <message>
        <source>(no alertname)</source>
        <translation>（无 alertname）</translation>
    </message>
    <message>
        <source>Acknowledge %1</source>
        <translation>确认 %1</translation>
    </message>
    <message>
        <source>Matchers: %1</source>
        <translation>匹配器：%1</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… 以及另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Silence…</source>
        <translation>静默(&amp;S)…</translation>
    </message>
    <message>
        <source>Open the full Silence dialog with these matchers, to narrow them</source>
        <translation>用这些匹配器打开完整的静默对话框，以缩小范围</translation>
    </message>
    <message>
        <source>Silence &amp;all %1</source>
        <translation>全部静默 %1 个(&amp;A)</translation>
    </message>
    <message numerus="yes">
        <source>Acknowledging %1 would also silence %n other alert(s)</source>
        <translation>
            <numerusform>确认 %1 还会静默另外 %n 个告警</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 is not in Alertmanager, and its labels match %n other alert(s)</source>
        <translation>
            <numerusform>%1 不在 Alertmanager 中，而它的标签匹配另外 %n 个告警</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is not in Alertmanager</source>
        <translation>%1 不在 Alertmanager 中</translation>
    </message>
    <message>
        <source>Alertmanager could not be asked what the acknowledgement would silence</source>
        <translation>无法向 Alertmanager 查询此确认会静默哪些告警</translation>
    </message>
    <message>
        <source>A silence mutes every alert whose labels match all of its matchers, and these alerts in Alertmanager match them now. Nothing has been silenced yet.</source>
        <translation>静默会屏蔽标签与其全部匹配器相符的每个告警，而 Alertmanager 中的以下告警目前都与之相符。尚未静默任何告警。</translation>
    </message>
    <message>
        <source>It may have resolved, or it reached AlertDeck without going through Alertmanager. A silence with its labels would mute these alerts there. Nothing has been silenced yet.</source>
        <translation>它可能已经恢复，或者未经 Alertmanager 直接到达了 AlertDeck。使用它的标签创建的静默会屏蔽 Alertmanager 中的以下告警。尚未静默任何告警。</translation>
    </message>
    <message>
        <source>Alertmanager has no alert with these labels now: it may have resolved, or it reached AlertDeck without going through Alertmanager. Nothing has been silenced.</source>
        <translation>Alertmanager 目前没有带这些标签的告警：它可能已经恢复，或者未经 Alertmanager 直接到达了 AlertDeck。未静默任何告警。</translation>
    </message>
    <message>
        <source>Before acknowledging, AlertDeck asks Alertmanager which alerts the silence would mute, so that it mutes only this one. Nothing has been silenced; Silence… lets you choose the matchers yourself.</source>
        <translation>确认之前，AlertDeck 会向 Alertmanager 查询该静默会屏蔽哪些告警，以确保只屏蔽这一个。未静默任何告警；可通过“静默…”自行选择匹配器。</translation>
    </message>
</context>
<context>
    <name>Acknowledgements</name>
    <message>
        <source>the alert has no labels, and a silence needs at least one matcher</source>
        <translation>该告警没有标签，而静默至少需要一个匹配器</translation>
    </message>
</context>
<context>
    <name>Alert</name>
    <message>
        <source>critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>firing</source>
        <translation>触发中</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>已恢复</translation>
    </message>
</context>
<context>
    <name>AlertFilter</name>
    <message>
        <source>%1: invalid regular expression &quot;%2&quot;: %3</source>
        <translation>%1：正则表达式 &quot;%2&quot; 无效：%3</translation>
    </message>
    <message>
        <source>unclosed quote in &quot;%1&quot;</source>
        <translation>&quot;%1&quot; 中的引号未闭合</translation>
    </message>
    <message>
        <source>the filter is %1 characters long; at most %2 are allowed</source>
        <translation>筛选条件长 %1 个字符；最多允许 %2 个</translation>
    </message>
</context>
<context>
    <name>AlertGroupingProxyModel</name>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation>
            <numerusform>%n 个告警</numerusform>
        </translation>
    </message>
    <message>
        <source>(no %1)</source>
        <translation>（无 %1）</translation>
    </message>
    <message numerus="yes">
        <source>%1 = &quot;%2&quot;: %n alert(s), %3 firing; the worst is %4. Enter or a double click folds the group.</source>
        <translation>
            <numerusform>%1 = &quot;%2&quot;：%n 个告警，%3 个触发中；最严重为 %4。按 Enter 或双击可折叠该组。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AlertHistory</name>
    <message>
        <source>This store keeps no history to compare with.</source>
        <translation>这个存储不保留可供比较的历史。</translation>
    </message>
    <message>
        <source>This store cannot keep resolution notes.</source>
        <translation>这个存储不能保存处置记录。</translation>
    </message>
</context>
<context>
    <name>AlertMute</name>
    <message>
        <source>silenced</source>
        <translation>已静默</translation>
    </message>
    <message>
        <source>inhibited</source>
        <translation>已抑制</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 until %2</source>
        <translation>%1，至 %2</translation>
    </message>
    <message>
        <source>Silenced in Alertmanager</source>
        <translation>已在 Alertmanager 中静默</translation>
    </message>
    <message>
        <source>Silenced in Alertmanager by %1</source>
        <translation>已由 %1 在 Alertmanager 中静默</translation>
    </message>
    <message>
        <source>Inhibited in Alertmanager by another alert that fires</source>
        <translation>被 Alertmanager 中另一个触发中的告警抑制</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Acknowledged by %1</source>
        <translation>已由 %1 确认</translation>
    </message>
    <message>
        <source>The silence is renewed while the alert fires.</source>
        <translation>告警触发期间静默会自动续期。</translation>
    </message>
    <message>
        <source>The silence ends at %1.</source>
        <translation>静默于 %1 结束。</translation>
    </message>
    <message>
        <source>Comment: %1</source>
        <translation>备注：%1</translation>
    </message>
</context>
<context>
    <name>AlertOverviewPane</name>
    <message>
        <source>Select an alert to see its labels, annotations and times.</source>
        <translation>选择一条告警以查看其标签、注解和时间。</translation>
    </message>
    <message>
        <source>(unnamed alert)</source>
        <translation>（未命名告警）</translation>
    </message>
    <message>
        <source>demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>最后更新</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <source>Source link</source>
        <translation>来源链接</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>注解</translation>
    </message>
    <message>
        <source>PromQL</source>
        <translation>PromQL</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>接收器</translation>
    </message>
    <message>
        <source>%1 of %2 alerts shown by Alertmanager in this notification; raise max_alerts in the webhook receiver to see them all.</source>
        <translation>Alertmanager 在此通知中只显示了 %2 条告警中的 %1 条；请在 Webhook 接收器中调大 max_alerts 以查看全部。</translation>
    </message>
    <message>
        <source>Source payload</source>
        <translation>原始推送数据</translation>
    </message>
    <message>
        <source>replayed</source>
        <translation>回放</translation>
    </message>
    <message>
        <source>Copy the whole expression (%L1 characters)</source>
        <translation>复制完整表达式（%L1 个字符）</translation>
    </message>
    <message>
        <source>not known: Prometheus answered %1</source>
        <translation>未知：Prometheus 返回 %1</translation>
    </message>
    <message>
        <source>no value at %1 (the expression returned nothing)</source>
        <translation>%1 时无值（表达式未返回结果）</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%2 时为 %1</translation>
    </message>
    <message numerus="yes">
        <source>highest %1 of %n series at %2</source>
        <translation>
            <numerusform>%2 时 %n 个序列中最高为 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Value at start</source>
        <translation>开始时的值</translation>
    </message>
    <message>
        <source>Value at end</source>
        <translation>结束时的值</translation>
    </message>
</context>
<context>
    <name>AlertStore</name>
    <message>
        <source>Cannot open the alert store %1: %2</source>
        <translation>无法打开告警存储 %1：%2</translation>
    </message>
    <message>
        <source>The alert store %1 cannot be used: %2 It was left untouched.</source>
        <translation>告警存储 %1 无法使用：%2 该文件未被修改。</translation>
    </message>
    <message>
        <source>Cannot configure the alert store %1: %2</source>
        <translation>无法配置告警存储 %1：%2</translation>
    </message>
    <message>
        <source>Cannot initialise the alert store %1: %2</source>
        <translation>无法初始化告警存储 %1：%2</translation>
    </message>
    <message>
        <source>Cannot read the alert store %1: %2</source>
        <translation>无法读取告警存储 %1：%2</translation>
    </message>
    <message>
        <source>Cannot prepare the alert store %1: %2</source>
        <translation>无法准备告警存储 %1：%2</translation>
    </message>
    <message>
        <source>it is not a SQLite database or it is damaged (%1).</source>
        <translation>它不是 SQLite 数据库或已损坏（%1）。</translation>
    </message>
    <message>
        <source>it is damaged (%1).</source>
        <translation>它已损坏（%1）。</translation>
    </message>
    <message>
        <source>it belongs to another program.</source>
        <translation>它属于其他程序。</translation>
    </message>
    <message>
        <source>it was written by a newer AlertDeck (schema %1; this version reads up to %2).</source>
        <translation>它由更新版本的 AlertDeck 写入（架构 %1；本版本最高支持 %2）。</translation>
    </message>
    <message>
        <source>the alert store is not open</source>
        <translation>告警存储未打开</translation>
    </message>
</context>
<context>
    <name>AlertTableModel</name>
    <message>
        <source>%1 (demo)</source>
        <translation>%1（演示）</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>持续时间</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>最后更新</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>%1d %2h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>%1h %2m</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>%1m %2s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 (replay)</source>
        <translation>%1（回放）</translation>
    </message>
    <message>
        <source>Replayed: not a live alert. It is not counted in the status bar, the tray or /metrics, and notifies no one.</source>
        <translation>回放：不是实时告警。不计入状态栏、托盘图标或 /metrics，也不会通知任何人。</translation>
    </message>
</context>
<context>
    <name>AlertTableView</name>
    <message>
        <source>Reset columns</source>
        <translation>重置列</translation>
    </message>
    <message>
        <source>&amp;Group by</source>
        <translation>分组方式(&amp;G)</translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation>不分组</translation>
    </message>
    <message>
        <source>Alert name</source>
        <translation>告警名称</translation>
    </message>
    <message>
        <source>&amp;Label columns</source>
        <translation>标签列(&amp;L)</translation>
    </message>
</context>
<context>
    <name>AlertmanagerApi</name>
    <message>
        <source>Alertmanager answered HTTP %1</source>
        <translation>Alertmanager 返回 HTTP %1</translation>
    </message>
    <message>
        <source>Alertmanager answered HTTP %1: %2</source>
        <translation>Alertmanager 返回 HTTP %1：%2</translation>
    </message>
    <message>
        <source>Alertmanager&apos;s alert list is not a JSON array</source>
        <translation>Alertmanager 的告警列表不是 JSON 数组</translation>
    </message>
    <message>
        <source>Alertmanager&apos;s silence list is not a JSON array</source>
        <translation>Alertmanager 的静默列表不是 JSON 数组</translation>
    </message>
</context>
<context>
    <name>AnalysisConversation</name>
    <message>
        <source>The stored conversation is too large to read (%L1 bytes; at most %L2).</source>
        <translation>存储的对话过大，无法读取（%L1 字节；最多 %L2）。</translation>
    </message>
    <message>
        <source>The stored conversation is not valid JSON (%1).</source>
        <translation>存储的对话不是有效的 JSON（%1）。</translation>
    </message>
    <message>
        <source>The stored conversation has format version %1; this AlertDeck reads version %2.</source>
        <translation>存储的对话格式版本为 %1；此版本的 AlertDeck 读取版本 %2。</translation>
    </message>
    <message>
        <source>The stored conversation has %L1 questions; at most %L2 are read.</source>
        <translation>存储的对话有 %L1 个问题；最多读取 %L2 个。</translation>
    </message>
    <message>
        <source>The stored conversation is damaged: question %1 has too many messages.</source>
        <translation>存储的对话已损坏：问题 %1 的消息过多。</translation>
    </message>
    <message>
        <source>The stored conversation is damaged: question %1 has a message it cannot read.</source>
        <translation>存储的对话已损坏：问题 %1 中有一条无法读取的消息。</translation>
    </message>
</context>
<context>
    <name>AnalysisOutcome</name>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>cut off</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
</context>
<context>
    <name>AnalysisPage</name>
    <message>
        <source>AI analysis</source>
        <translation>AI 分析</translation>
    </message>
    <message>
        <source>Any OpenAI-compatible endpoint: https://api.openai.com/v1, http://localhost:11434/v1 (Ollama), a vLLM or llama.cpp server…</source>
        <translation>任意 OpenAI 兼容端点：https://api.openai.com/v1、http://localhost:11434/v1（Ollama）、vLLM 或 llama.cpp 服务器…</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Same as AlertDeck</source>
        <translation>与 AlertDeck 相同</translation>
    </message>
    <message>
        <source>empty: only on request; e.g. severity=&quot;critical&quot;</source>
        <translation>留空：仅在手动请求时分析；例如 severity=&quot;critical&quot;</translation>
    </message>
    <message>
        <source>New firing alerts that match these filter-bar matchers are analysed at once.</source>
        <translation>新触发且匹配这些过滤栏匹配器的告警会立即进行分析。</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>服务商</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>基础 URL</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Optional for local endpoints (Ollama, llama.cpp).</source>
        <translation>本地端点（Ollama、llama.cpp）可不填。</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation>最大 token 数</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Answer language</source>
        <translation>回答语言</translation>
    </message>
    <message>
        <source>Automatic analysis</source>
        <translation>自动分析</translation>
    </message>
    <message>
        <source>Analyse alerts matching</source>
        <translation>分析匹配的告警</translation>
    </message>
    <message>
        <source>Give at least one matcher, such as severity=&quot;critical&quot;.</source>
        <translation>请至少填写一个匹配器，例如 severity=&quot;critical&quot;。</translation>
    </message>
    <message>
        <source>IP addresses</source>
        <translation>IP 地址</translation>
    </message>
    <message>
        <source>E-mail addresses</source>
        <translation>电子邮件地址</translation>
    </message>
    <message>
        <source>Preview request…</source>
        <translation>预览请求…</translation>
    </message>
    <message>
        <source>Empty: the built-in SRE prompt. {{language}} stands for the answer-language sentence.</source>
        <translation>留空：使用内置的 SRE 提示词。{{language}} 代表指定回答语言的那句话。</translation>
    </message>
    <message>
        <source>Edit the built-in prompt</source>
        <translation>编辑内置提示词</translation>
    </message>
    <message>
        <source>Put the built-in prompt in the editor to change it</source>
        <translation>将内置提示词放入编辑器以便修改</translation>
    </message>
    <message>
        <source>Show the exact request analysing the selected alert would send, and copy it as a curl command</source>
        <translation>显示分析所选告警时将发送的确切请求，并可复制为 curl 命令</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> 个 token</translation>
    </message>
    <message>
        <source>Room for metrics, log lines and history in the request; log lines are trimmed first, the alert itself never.</source>
        <translation>请求中留给指标、日志行和历史的空间；优先裁剪日志行，告警本身从不裁剪。</translation>
    </message>
    <message>
        <source>Host names to mask: one regular expression per line, e.g. [a-z0-9-]+\.corp\.example\.com</source>
        <translation>要脱敏的主机名：每行一个正则表达式，例如 [a-z0-9-]+\.corp\.example\.com</translation>
    </message>
    <message>
        <source> per hour at most</source>
        <translation> 次/小时</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>指令</translation>
    </message>
    <message>
        <source>Context budget</source>
        <translation>上下文预算</translation>
    </message>
    <message>
        <source>Mask before sending</source>
        <translation>发送前脱敏</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>限额</translation>
    </message>
    <message>
        <source>Not a regular expression: %1</source>
        <translation>不是有效的正则表达式：%1</translation>
    </message>
    <message>
        <source>Preview request</source>
        <translation>预览请求</translation>
    </message>
    <message>
        <source>Select an alert in the main window first: the preview shows the request for that alert.</source>
        <translation>请先在主窗口中选择一条告警：预览显示的是针对该告警的请求。</translation>
    </message>
    <message>
        <source>Refresh list</source>
        <translation>刷新列表</translation>
    </message>
    <message>
        <source>Think before answering</source>
        <translation>先思考再回答</translation>
    </message>
    <message>
        <source>DeepSeek only: other providers never get these fields.</source>
        <translation>仅限 DeepSeek：其他服务商不会收到这些字段。</translation>
    </message>
    <message>
        <source>The models the provider offers (GET /models); any other id can be typed.</source>
        <translation>服务商提供的模型（GET /models）；也可以输入其他 ID。</translation>
    </message>
    <message>
        <source>Ask the provider which models it offers, with the key below</source>
        <translation>使用下方的密钥向服务商查询其提供的模型</translation>
    </message>
    <message>
        <source>The model reasons first (shown in the panel&apos;s Reasoning section): slower, often better. Temperature is ignored while it thinks.</source>
        <translation>模型先进行推理（显示在面板的“推理过程”部分）：更慢，但通常更好。思考时会忽略温度。</translation>
    </message>
    <message>
        <source>Low effort</source>
        <translation>低强度</translation>
    </message>
    <message>
        <source>High effort</source>
        <translation>高强度</translation>
    </message>
    <message>
        <source>Maximum effort</source>
        <translation>最高强度</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>思考模式</translation>
    </message>
    <message>
        <source>No API key is set for %1: enter it above. Nothing was sent.</source>
        <translation>尚未为 %1 设置 API 密钥：请在上方输入。未发送任何内容。</translation>
    </message>
    <message numerus="yes">
        <source>Connected: the key works; %n model(s) offered</source>
        <translation>
            <numerusform>已连接：密钥有效；提供 %n 个模型</numerusform>
        </translation>
    </message>
    <message>
        <source>, including %1</source>
        <translation>，包括 %1</translation>
    </message>
    <message>
        <source>Connected, but the provider does not offer the model &quot;%1&quot;. Current models: %2.</source>
        <translation>已连接，但服务商不提供模型“%1”。当前模型：%2。</translation>
    </message>
    <message>
        <source>Asking %1 for its models…</source>
        <translation>正在向 %1 查询模型…</translation>
    </message>
    <message>
        <source>No API key is set for %1: enter it above to list its models.</source>
        <translation>尚未为 %1 设置 API 密钥：请在上方输入后再列出其模型。</translation>
    </message>
    <message>
        <source>Could not list the models: %1</source>
        <translation>无法列出模型：%1</translation>
    </message>
    <message>
        <source>DeepSeek only: %1 does not get these fields.</source>
        <translation>仅限 DeepSeek：%1 不会收到这些字段。</translation>
    </message>
    <message>
        <source>DeepSeek retired &quot;%1&quot; on 2026-07-24; current models: %2.</source>
        <translation>DeepSeek 已于 2026-07-24 停用“%1”；当前模型：%2。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not in the provider&apos;s list (%2).</source>
        <translation>“%1”不在服务商的列表中（%2）。</translation>
    </message>
    <message>
        <source>Name the model to use (for DeepSeek: %1).</source>
        <translation>请填写要使用的模型（DeepSeek：%1）。</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>Let the model query metrics and logs (read-only tools)</source>
        <translation>允许模型查询指标和日志（只读工具）</translation>
    </message>
    <message>
        <source>The model may ask the configured Prometheus and Loki for more data while it analyses, and read the alert&apos;s history. It can never write anything or reach another host.</source>
        <translation>分析时，模型可以向已配置的 Prometheus 和 Loki 查询更多数据，并读取该告警的历史。它不能写入任何内容，也无法访问其他主机。</translation>
    </message>
    <message>
        <source>at most </source>
        <translation>每次分析最多 </translation>
    </message>
    <message>
        <source> calls per analysis</source>
        <translation> 次调用</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>Each matching alert</source>
        <translation>每条匹配的告警</translation>
    </message>
    <message>
        <source>Each incident once, with all its alerts</source>
        <translation>每个事件一次，包含其所有告警</translation>
    </message>
    <message>
        <source>An incident is analysed once, when one of its alerts matches, after a short wait for the rest of its alerts to arrive; one analysis covers them all.</source>
        <translation>事件中有一条告警匹配时，稍等其余告警到达后，对该事件只分析一次；一次分析涵盖全部告警。</translation>
    </message>
    <message>
        <source>Analyse</source>
        <translation>分析对象</translation>
    </message>
    <message>
        <source>Only new firing alerts are analysed automatically, each occurrence (or incident) once.</source>
        <translation>只自动分析新触发的告警，每次发生（或每个事件）只分析一次。</translation>
    </message>
</context>
<context>
    <name>AnalysisPanel</name>
    <message>
        <source>Analyze this alert</source>
        <translation>分析此告警</translation>
    </message>
    <message>
        <source>The AI analysis of the selected alert appears here.</source>
        <translation>所选告警的 AI 分析将显示在这里。</translation>
    </message>
    <message>
        <source>No alert selected.</source>
        <translation>未选择告警。</translation>
    </message>
    <message>
        <source>Ask the AI provider to analyze the selected alert with its metrics and logs (Ctrl+Enter)</source>
        <translation>请 AI 服务商结合指标和日志分析所选告警（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the analysis; the text so far is kept</source>
        <translation>停止分析；保留已收到的文本</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the answer as Markdown</source>
        <translation>以 Markdown 格式复制回答</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; %2</translation>
    </message>
    <message>
        <source>Analysis of %1</source>
        <translation>%1 的分析</translation>
    </message>
    <message>
        <source>Analysis of %1 (%2)</source>
        <translation>%1 的分析（%2）</translation>
    </message>
    <message>
        <source>%1 prompt + %2 answer tokens</source>
        <translation>提示 %1 + 回答 %2 个 token</translation>
    </message>
    <message>
        <source>started automatically</source>
        <translation>自动启动</translation>
    </message>
    <message>
        <source>Not analyzed yet. The request sends the alert, its metric summary and log lines to the provider set in Settings → AI analysis.</source>
        <translation>尚未分析。请求会将告警、其指标摘要和日志行发送到“⁠设⁠置⁠&#xa0;⁠→⁠&#xa0;⁠A⁠I⁠&#xa0;⁠分⁠析⁠”中配置的服务商。</translation>
    </message>
    <message>
        <source>about %1 prompt tokens</source>
        <translation>提示约 %1 个 token</translation>
    </message>
    <message>
        <source>trimmed to the context budget: %1</source>
        <translation>已按上下文预算裁剪：%1</translation>
    </message>
    <message>
        <source>Reasoning (%1 characters)</source>
        <translation>推理过程（%1 个字符）</translation>
    </message>
    <message>
        <source>Re-run analysis</source>
        <translation>重新分析</translation>
    </message>
    <message>
        <source>AI analysis is not available here.</source>
        <translation>此处无法使用 AI 分析。</translation>
    </message>
    <message>
        <source>Select an alert in the table, then Analyze (Ctrl+Enter).</source>
        <translation>在表格中选择一条告警，然后点击“分析”（Ctrl+Enter）。</translation>
    </message>
    <message>
        <source>Open Settings → AI analysis</source>
        <translation>打开“设置 → AI 分析”</translation>
    </message>
    <message>
        <source>Claims are sentences that state a cause, a number or cite evidence; cited ones name evidence the request listed; unsupported ones state a cause without citing any.</source>
        <translation>论断是陈述原因、给出数字或引用证据的句子；有引用的论断指明了请求中列出的证据；无依据的论断陈述了原因，却没有引用任何证据。</translation>
    </message>
    <message numerus="yes">
        <source>%n citation(s) of evidence not in this analysis</source>
        <translation>
            <numerusform>%n 处引用的证据不在本次分析中</numerusform>
        </translation>
    </message>
    <message>
        <source>The hypotheses block was not finished; the answer ended inside it.</source>
        <translation>假设块不完整：回答在假设块中途结束。</translation>
    </message>
    <message>
        <source>Which answer Forward sends with the alert</source>
        <translation>转发时随告警发送哪一个回答</translation>
    </message>
    <message>
        <source>Forward sends:</source>
        <translation>转发内容：</translation>
    </message>
    <message>
        <source>The analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>Answer to “%1”</source>
        <translation>对“%1”的回答</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Incident: %1&lt;/b&gt;&lt;br&gt;%n alert(s), analysed together, the worst first</source>
        <translation>
            <numerusform>&lt;b&gt;事件：%1&lt;/b&gt;&lt;br&gt;%n 条告警一并分析，最严重的在前</numerusform>
        </translation>
    </message>
    <message>
        <source>Re-run incident analysis</source>
        <translation>重新分析事件</translation>
    </message>
    <message>
        <source>Analyze this incident</source>
        <translation>分析此事件</translation>
    </message>
</context>
<context>
    <name>AnalysisPrompt</name>
    <message numerus="yes">
        <source>metrics: %n series per query kept</source>
        <translation>
            <numerusform>指标：每个查询保留 %n 条序列</numerusform>
        </translation>
    </message>
    <message>
        <source>metrics: cut to the budget</source>
        <translation>指标：已按预算截断</translation>
    </message>
    <message numerus="yes">
        <source>log lines: trimmed to the budget of %n token(s)</source>
        <translation>
            <numerusform>日志行：已裁剪到 %n 个 token 的预算</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: cut to %L2 of %L3 characters</source>
        <translation>%1：%L3 个字符中只保留了前 %L2 个</translation>
    </message>
    <message>
        <source>annotation %1</source>
        <translation>注解 %1</translation>
    </message>
    <message>
        <source>label %1</source>
        <translation>标签 %1</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>severity</source>
        <translation>严重级别</translation>
    </message>
    <message>
        <source>source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>expression</source>
        <translation>表达式</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>values</source>
        <translation>各项值</translation>
    </message>
    <message>
        <source>source link</source>
        <translation>来源链接</translation>
    </message>
    <message numerus="yes">
        <source>evidence items: %n left out</source>
        <translation>
            <numerusform>证据条目：省略 %n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>related alerts: %1 of %n listed</source>
        <translation>
            <numerusform>相关告警：列出 %n 条中的 %1 条</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnalysisService</name>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Gathering the alert&apos;s metrics, logs and history…</source>
        <translation>正在收集告警的指标、日志和历史…</translation>
    </message>
    <message>
        <source>No AI provider is set up: add its URL and key in Settings → AI analysis.</source>
        <translation>尚未配置 AI 服务商：请在“设置 → AI 分析”中添加其 URL 和密钥。</translation>
    </message>
    <message>
        <source>The provider wants an API key and none is set: add it in Settings → AI analysis.</source>
        <translation>该服务商需要 API 密钥，但尚未设置：请在“设置 → AI 分析”中添加。</translation>
    </message>
    <message>
        <source>Stopped before the request was sent.</source>
        <translation>在发送请求之前已停止。</translation>
    </message>
    <message>
        <source>Prometheus is not set up in AlertDeck, so there are no metrics.</source>
        <translation>AlertDeck 中未配置 Prometheus，因此没有指标。</translation>
    </message>
    <message>
        <source>Loki is not set up in AlertDeck, so there are no log lines.</source>
        <translation>AlertDeck 中未配置 Loki，因此没有日志行。</translation>
    </message>
    <message>
        <source>did not arrive in time</source>
        <translation>未能及时返回</translation>
    </message>
    <message>
        <source>The log lines did not arrive in time.</source>
        <translation>日志行未能及时返回。</translation>
    </message>
    <message>
        <source>Loki answered with an error: %1</source>
        <translation>Loki 返回错误：%1</translation>
    </message>
    <message>
        <source>Loki has no matching lines in the window.</source>
        <translation>Loki 在该时间窗口内没有匹配的日志行。</translation>
    </message>
    <message>
        <source>No API key is set for %1: add it in Settings → AI analysis. Nothing was sent.</source>
        <translation>尚未为 %1 设置 API 密钥：请在“设置 → AI 分析”中添加。未发送任何内容。</translation>
    </message>
    <message>
        <source>Preparing the question…</source>
        <translation>正在准备问题…</translation>
    </message>
    <message>
        <source>Stopped; the text received so far is kept</source>
        <translation>已停止；保留已收到的文本</translation>
    </message>
    <message numerus="yes">
        <source>The model is querying metrics and logs: %1 of %n call(s) answered…</source>
        <translation>
            <numerusform>模型正在查询指标和日志：%n 次调用中已返回 %1 次…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The model kept asking for tools after its limit of %n call(s); the text so far is kept.</source>
        <translation>
            <numerusform>模型已达到 %n 次工具调用的上限，仍在继续请求；保留已收到的文本。</numerusform>
        </translation>
    </message>
    <message>
        <source>Type a question to ask.</source>
        <translation>请输入要提的问题。</translation>
    </message>
    <message>
        <source>The question is %L1 characters long; at most %L2 can be asked.</source>
        <translation>问题长 %L1 个字符；最多允许 %L2 个。</translation>
    </message>
    <message>
        <source>There is no analysis of this alert to ask about: analyse it first.</source>
        <translation>此告警还没有可追问的分析：请先分析。</translation>
    </message>
    <message>
        <source>The analysis of this alert is still running: wait for it to end, or stop it.</source>
        <translation>此告警的分析仍在进行：请等待其结束，或将其停止。</translation>
    </message>
    <message numerus="yes">
        <source>This conversation has reached %n question(s); start a new analysis.</source>
        <translation>
            <numerusform>此对话已达到 %n 个问题；请开始新的分析。</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped before it was answered</source>
        <translation>在返回结果之前已停止</translation>
    </message>
    <message>
        <source>The hypotheses block is not closed; the answer is shown without the board.</source>
        <translation>假设块未闭合；回答显示时不带假设面板。</translation>
    </message>
</context>
<context>
    <name>AnalysisTools</name>
    <message>
        <source>&quot;%1&quot; is not a time: %2. Use RFC 3339 (&quot;2026-12-06T19:00:00Z&quot;), Unix seconds, &quot;now&quot;, or a time back from now such as &quot;-1h&quot; or &quot;-30m&quot;.</source>
        <translation>“%1”不是时间：%2。请使用 RFC 3339（&quot;2026-12-06T19:00:00Z&quot;）、Unix 秒数、&quot;now&quot;，或相对现在的时间，如 &quot;-1h&quot; 或 &quot;-30m&quot;。</translation>
    </message>
    <message>
        <source>The end %1 is in the future (now is %2).</source>
        <translation>结束时间 %1 在未来（现在是 %2）。</translation>
    </message>
    <message>
        <source>The start %1 is not before the end %2.</source>
        <translation>开始时间 %1 不早于结束时间 %2。</translation>
    </message>
    <message>
        <source>The range from %1 to %2 is %3 long; at most %4 can be asked for at once. Ask for a shorter range, e.g. start &quot;-%5&quot;.</source>
        <translation>从 %1 到 %2 的范围长 %3；一次最多可查询 %4。请查询更短的范围，例如 start &quot;-%5&quot;。</translation>
    </message>
    <message>
        <source>The argument &quot;%1&quot; is required.</source>
        <translation>缺少必需参数“%1”。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a string, not %2.</source>
        <translation>“%1”必须是字符串，而不是 %2。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is empty.</source>
        <translation>“%1”为空。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is %2 characters long; at most %3 are accepted.</source>
        <translation>“%1”长 %2 个字符；最多接受 %3 个。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a whole number from 1 to %2, not %3.</source>
        <translation>“%1”必须是 1 到 %2 之间的整数，而不是 %3。</translation>
    </message>
    <message>
        <source>&quot;step&quot; must be a duration of at least one second such as &quot;15s&quot;, &quot;1m&quot; or &quot;5m&quot;, not %1.</source>
        <translation>“step”必须是至少一秒的时长，如 &quot;15s&quot;、&quot;1m&quot; 或 &quot;5m&quot;，而不是 %1。</translation>
    </message>
    <message>
        <source>The step %1 is longer than the range (%2).</source>
        <translation>步长 %1 超过了范围（%2）。</translation>
    </message>
    <message>
        <source>A step of %1 over %2 gives %3 points; Prometheus allows at most %4. Use a step of at least %5 s.</source>
        <translation>在 %2 内以 %1 为步长会得到 %3 个点；Prometheus 最多允许 %4 个。请使用至少 %5 秒的步长。</translation>
    </message>
    <message>
        <source>There is no tool named %1. The tools are: %2.</source>
        <translation>没有名为 %1 的工具。可用工具：%2。</translation>
    </message>
    <message>
        <source>The arguments are %1 characters long; at most %2 are accepted.</source>
        <translation>参数长 %1 个字符；最多接受 %2 个。</translation>
    </message>
    <message>
        <source>The arguments are not valid JSON (%1 at character %2). Send one JSON object such as {&quot;query&quot;: &quot;up&quot;}.</source>
        <translation>参数不是有效的 JSON（第 %2 个字符处：%1）。请发送一个 JSON 对象，如 {&quot;query&quot;: &quot;up&quot;}。</translation>
    </message>
    <message>
        <source>The arguments must be a JSON object, not %1.</source>
        <translation>参数必须是 JSON 对象，而不是 %1。</translation>
    </message>
    <message>
        <source>%1 takes no argument %2 (only %3). The data source is the one AlertDeck is configured with; no host or URL can be chosen.</source>
        <translation>%1 不接受参数 %2（只接受 %3）。数据源是 AlertDeck 中配置的数据源；不能选择主机或 URL。</translation>
    </message>
    <message>
        <source>%1 is a URL. The tools ask only the data sources AlertDeck is configured with; give &quot;%2&quot; without a host.</source>
        <translation>%1 是一个 URL。工具只查询 AlertDeck 中配置的数据源；请给出不含主机的“%2”。</translation>
    </message>
    <message numerus="yes">
        <source>%n series, %1 points</source>
        <translation>
            <numerusform>%n 个序列，%1 个点</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n log line(s)</source>
        <translation>
            <numerusform>%n 行日志</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>more than %n series</source>
        <translation>
            <numerusform>超过 %n 个序列</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n series</source>
        <translation>
            <numerusform>%n 个序列</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n occurrence(s)</source>
        <translation>
            <numerusform>%n 次发生</numerusform>
        </translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>已拒绝：%1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Tools are switched off in AlertDeck&apos;s settings.</source>
        <translation>AlertDeck 的设置中已关闭工具。</translation>
    </message>
    <message>
        <source>The limit of %1 tool calls for this analysis is reached. Answer with the evidence you have.</source>
        <translation>本次分析已达到 %1 次工具调用的上限。请根据已有证据作答。</translation>
    </message>
    <message>
        <source>%1 is not configured in AlertDeck; this tool is not available.</source>
        <translation>AlertDeck 中未配置 %1；此工具不可用。</translation>
    </message>
</context>
<context>
    <name>AnalyzeCommand</name>
    <message>
        <source>%1 prompt + %2 answer tokens</source>
        <translation>提示 %1 + 回答 %2 个 token</translation>
    </message>
    <message>
        <source>The analysis did not run.</source>
        <translation>分析未运行。</translation>
    </message>
    <message>
        <source>The provider offers: %1</source>
        <translation>服务商提供：%1</translation>
    </message>
    <message>
        <source>Could not list the provider&apos;s models: %1</source>
        <translation>无法列出服务商的模型：%1</translation>
    </message>
    <message>
        <source>tool %1 → %2</source>
        <translation>工具 %1 → %2</translation>
    </message>
    <message>
        <source>tool %1 → %2 [%3]</source>
        <translation>工具 %1 → %2 [%3]</translation>
    </message>
    <message>
        <source>Could not store the analysis in %1: %2</source>
        <translation>无法将分析保存到 %1：%2</translation>
    </message>
    <message>
        <source>No analysis is stored in %1 to continue: run &quot;analyze --data-dir %1&quot; first.</source>
        <translation>%1 中没有可继续的分析：请先运行 &quot;analyze --data-dir %1&quot;。</translation>
    </message>
    <message>
        <source>No analysis of &quot;%1&quot; is stored in %2 to continue: run &quot;analyze --data-dir %2&quot; first.</source>
        <translation>%2 中没有 &quot;%1&quot; 的可继续的分析：请先运行 &quot;analyze --data-dir %2&quot;。</translation>
    </message>
    <message>
        <source>(%1 of them reasoning)</source>
        <translation>（其中 %1 个用于推理）</translation>
    </message>
</context>
<context>
    <name>AppearancePage</name>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>字号</translation>
    </message>
    <message>
        <source>A new language applies when AlertDeck starts again.</source>
        <translation>新的语言在 AlertDeck 重新启动后生效。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>CatchUp</name>
    <message>
        <source>The kept catch-up card is not valid JSON: %1</source>
        <translation>保存的离开期间摘要卡片不是有效的 JSON：%1</translation>
    </message>
    <message>
        <source>The kept catch-up card has no valid time span.</source>
        <translation>保存的离开期间摘要卡片没有有效的时间范围。</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>While AlertDeck was not running (%1)</source>
        <translation>AlertDeck 未运行期间（%1）</translation>
    </message>
    <message>
        <source>While you were away (%1)</source>
        <translation>您离开期间（%1）</translation>
    </message>
    <message>
        <source>fired</source>
        <translation>触发</translation>
    </message>
    <message>
        <source>fired and cleared</source>
        <translation>触发后已恢复</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>silenced by others</source>
        <translation>被他人静默</translation>
    </message>
</context>
<context>
    <name>CatchUpCard</name>
    <message>
        <source>&amp;Dismiss</source>
        <translation>关闭(&amp;D)</translation>
    </message>
    <message>
        <source>Put the card away; cleared critical alerts are no longer kept for you</source>
        <translation>收起卡片；已恢复的严重告警不再为您保留</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>silenced by %1</source>
        <translation>被 %1 静默</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1，位于 %2</translation>
    </message>
    <message>
        <source>%1 — %2, started %3</source>
        <translation>%1 — %2，开始于 %3</translation>
    </message>
    <message>
        <source>Show this alert</source>
        <translation>显示这条告警</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>还有 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>silenced by %1 at %2</source>
        <translation>由 %1 于 %2 静默</translation>
    </message>
</context>
<context>
    <name>ChatCompletion</name>
    <message>
        <source>&quot;%1&quot; is not a provider URL (https://host[/v1]): check Settings → AI analysis</source>
        <translation>“%1”不是有效的服务商 URL（https://host[/v1]）：请检查“设置 → AI 分析”</translation>
    </message>
    <message>
        <source>The provider answered without a completion: %1</source>
        <translation>服务商的回复中没有补全结果：%1</translation>
    </message>
    <message numerus="yes">
        <source>No data for %n second(s); the text received so far is kept</source>
        <translation>
            <numerusform>%n 秒内没有收到数据；保留已收到的文本</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No answer from %1 within %n second(s)</source>
        <translation>
            <numerusform>%1 在 %n 秒内没有应答</numerusform>
        </translation>
    </message>
    <message>
        <source>The provider reported an error: %1</source>
        <translation>服务商报告错误：%1</translation>
    </message>
    <message>
        <source>The connection closed before any answer arrived</source>
        <translation>在收到任何回答之前连接已关闭</translation>
    </message>
    <message>
        <source>The stream was cut off before its end; the text received so far is kept</source>
        <translation>流在结束前被中断；保留已收到的文本</translation>
    </message>
    <message>
        <source>The provider finished without any text</source>
        <translation>服务商结束时没有返回任何文本</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1：%2</translation>
    </message>
    <message>
        <source>first token after %1 ms</source>
        <translation>首个 token 用时 %1 毫秒</translation>
    </message>
    <message>
        <source> · %1 tokens/s</source>
        <translation> · %1 token/秒</translation>
    </message>
    <message>
        <source>Connecting to %1 (try %2 of %3)…</source>
        <translation>正在连接 %1（第 %2 次，共 %3 次）…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message numerus="yes">
        <source>%1 — retrying in %n s (try %2 of %3)…</source>
        <translation>
            <numerusform>%1 — %n 秒后重试（第 %2 次，共 %3 次）…</numerusform>
        </translation>
    </message>
    <message>
        <source>Streaming · %1</source>
        <translation>正在接收 · %1</translation>
    </message>
    <message>
        <source>Finished in %1 s · %2</source>
        <translation>用时 %1 秒完成 · %2</translation>
    </message>
    <message>
        <source>Cut off: %1</source>
        <translation>已中断：%1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Stopped; the text received so far is kept</source>
        <translation>已停止；保留已收到的文本</translation>
    </message>
    <message>
        <source>The provider rejected the request (HTTP 400)%1</source>
        <translation>服务商拒绝了请求（HTTP 400）%1</translation>
    </message>
    <message>
        <source>API key rejected (HTTP 401): check the key in Settings → AI analysis%1</source>
        <translation>API 密钥被拒绝（HTTP 401）：请检查“设置 → AI 分析”中的密钥%1</translation>
    </message>
    <message>
        <source>Account balance is insufficient (HTTP 402): top up the account or use another provider</source>
        <translation>账户余额不足（HTTP 402）：请充值或改用其他服务商</translation>
    </message>
    <message>
        <source>Access denied by the provider (HTTP 403)%1</source>
        <translation>服务商拒绝访问（HTTP 403）%1</translation>
    </message>
    <message>
        <source>No chat completions API at %1 (HTTP 404): check the base URL (many servers need /v1 at the end)</source>
        <translation>%1 没有 chat completions API（HTTP 404）：请检查基础 URL（许多服务器需要在末尾加 /v1）</translation>
    </message>
    <message>
        <source>The provider refused a parameter (HTTP 422)%1</source>
        <translation>服务商拒绝了某个参数（HTTP 422）%1</translation>
    </message>
    <message numerus="yes">
        <source>Rate limited by the provider (HTTP 429) after %n tries%1</source>
        <translation>
            <numerusform>尝试 %n 次后仍被服务商限流（HTTP 429）%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The provider failed (HTTP %1) after %n tries%2</source>
        <translation>
            <numerusform>尝试 %n 次后服务商仍然出错（HTTP %1）%2</numerusform>
        </translation>
    </message>
    <message>
        <source>HTTP %1%2</source>
        <translation>HTTP %1%2</translation>
    </message>
    <message>
        <source>the answer was cut at max_tokens (%1); raise it in Settings → AI analysis</source>
        <translation>回答在 max_tokens（%1）处被截断；请在“设置 → AI 分析”中调高</translation>
    </message>
    <message>
        <source>the provider&apos;s content filter stopped the answer</source>
        <translation>服务商的内容过滤器中止了回答</translation>
    </message>
    <message>
        <source>the provider ran out of capacity and stopped the answer; try again later</source>
        <translation>服务商资源不足，回答已中止；请稍后重试</translation>
    </message>
    <message>
        <source>the answer ended early (finish reason &quot;%1&quot;)</source>
        <translation>回答提前结束（结束原因“%1”）</translation>
    </message>
    <message>
        <source>The provider ended its answer for tool calls but sent none</source>
        <translation>服务商以工具调用结束回答，却没有发送任何调用</translation>
    </message>
    <message>
        <source>The provider sent a tool call without an id or a function name</source>
        <translation>服务商发送的工具调用缺少 ID 或函数名</translation>
    </message>
    <message>
        <source>The provider does not offer the model &quot;%1&quot; (HTTP %2%3). Refresh the model list in Settings → AI analysis and choose one it offers.</source>
        <translation>服务商不提供模型“%1”（HTTP %2%3）。请在“设置 → AI 分析”中刷新模型列表并选择一个它提供的模型。</translation>
    </message>
    <message>
        <source>The provider does not offer the model &quot;%1&quot; (HTTP %2%3). Current models: %4. Choose one in Settings → AI analysis.</source>
        <translation>服务商不提供模型“%1”（HTTP %2%3）。当前模型：%4。请在“设置 → AI 分析”中选择一个。</translation>
    </message>
</context>
<context>
    <name>ChatDestination</name>
    <message>
        <source>DingTalk</source>
        <translation>钉钉</translation>
    </message>
    <message>
        <source>Feishu / Lark</source>
        <translation>飞书 / Lark</translation>
    </message>
    <message>
        <source>WeCom</source>
        <translation>企业微信</translation>
    </message>
    <message>
        <source>Generic webhook</source>
        <translation>通用 Webhook</translation>
    </message>
    <message>
        <source>A Telegram bot token looks like 123456789:AAH… (from BotFather).</source>
        <translation>Telegram 机器人令牌形如 123456789:AAH…（由 BotFather 提供）。</translation>
    </message>
    <message>
        <source>Paste the webhook URL the tool gave you (https://…).</source>
        <translation>请粘贴该工具提供的 Webhook URL（https://…）。</translation>
    </message>
</context>
<context>
    <name>ChatMarkup</name>
    <message>
        <source>…(truncated, full analysis in AlertDeck)</source>
        <translation>…（已截断，完整分析见 AlertDeck）</translation>
    </message>
</context>
<context>
    <name>ChatPreview</name>
    <message>
        <source>A generic webhook sends your own JSON template; how it looks is up to the receiving system. The exact JSON is on the next tab.</source>
        <translation>通用 Webhook 发送你自己的 JSON 模板，显示效果取决于接收系统。确切的 JSON 见下一个标签页。</translation>
    </message>
    <message>
        <source>The message is too large to show; the exact JSON is on the next tab.</source>
        <translation>消息过大，无法显示；确切的 JSON 见下一个标签页。</translation>
    </message>
    <message>
        <source>The body is not a JSON object: %1</source>
        <translation>请求体不是 JSON 对象：%1</translation>
    </message>
</context>
<context>
    <name>ChatSender</name>
    <message>
        <source>%1: host not found (DNS)</source>
        <translation>%1：找不到主机（DNS）</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s</source>
        <translation>%1 在 %2 秒内没有响应</translation>
    </message>
    <message>
        <source>%1: connection refused</source>
        <translation>%1：连接被拒绝</translation>
    </message>
    <message>
        <source>%1: TLS handshake failed</source>
        <translation>%1：TLS 握手失败</translation>
    </message>
    <message>
        <source>%1: network error %2</source>
        <translation>%1：网络错误 %2</translation>
    </message>
    <message>
        <source>%1: the webhook redirected to %2, a different origin: AlertDeck does not send the message or the webhook&apos;s secret there, so nothing was sent. Check the webhook URL.</source>
        <translation>%1：该 Webhook 重定向到了另一个源 %2：AlertDeck 不会把消息或 Webhook 的密钥发往那里，因此没有发送任何内容。请检查 Webhook URL。</translation>
    </message>
</context>
<context>
    <name>ChatStream</name>
    <message numerus="yes">
        <source>The provider asked for more than %n tool call(s) in one answer</source>
        <translation>
            <numerusform>服务商在一次回答中请求了超过 %n 次工具调用</numerusform>
        </translation>
    </message>
    <message>
        <source>The provider sent a tool call (&quot;%1&quot;) larger than %2 KiB</source>
        <translation>服务商发送的工具调用（“%1”）超过 %2 KiB</translation>
    </message>
</context>
<context>
    <name>ChatTool</name>
    <message>
        <source> — the webhook no longer exists: copy its URL again from %1</source>
        <translation> — 该 Webhook 已不存在：请从 %1 重新复制其 URL</translation>
    </message>
    <message>
        <source> — %1 refused the credentials in the URL or token</source>
        <translation> — %1 拒绝了 URL 或令牌中的凭据</translation>
    </message>
    <message>
        <source> — the message is larger than %1 accepts</source>
        <translation> — 消息超出了 %1 允许的大小</translation>
    </message>
    <message>
        <source> — %1 limits how often it accepts messages</source>
        <translation> — %1 限制了接收消息的频率</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2%3%4</source>
        <translation>%1 返回 HTTP %2%3%4</translation>
    </message>
    <message>
        <source>%1 accepted the message (HTTP %2)</source>
        <translation>%1 已接收消息（HTTP %2）</translation>
    </message>
    <message>
        <source>%1 accepted the message</source>
        <translation>%1 已接收消息</translation>
    </message>
    <message>
        <source>%1 refused the message (%2 %3): %4%5</source>
        <translation>%1 拒绝了消息（%2 %3）：%4%5</translation>
    </message>
</context>
<context>
    <name>CitationScanner</name>
    <message numerus="yes">
        <source>%n claim(s), %1 cited, %2 unsupported</source>
        <translation>
            <numerusform>%n 条论断，%1 条有引用，%2 条无依据</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CommandLineOptions</name>
    <message>
        <source>AlertDeck: an operator console for on-call engineers.
Receives Alertmanager, Grafana and Nightingale webhooks and shows them live.

Exit status: 0 success, 1 runtime failure, 2 invalid command line.</source>
        <translation>AlertDeck：面向值班工程师的告警控制台。
接收 Alertmanager、Grafana 和夜莺（Nightingale）的 Webhook 并实时显示。

退出状态：0 成功，1 运行失败，2 命令行无效。</translation>
    </message>
    <message>
        <source>Webhook listener address (default 127.0.0.1:%1; port 0 picks a free port).</source>
        <translation>Webhook 监听地址（默认 127.0.0.1:%1；端口 0 表示自动选择空闲端口）。</translation>
    </message>
    <message>
        <source>HOST:PORT</source>
        <translation>主机:端口</translation>
    </message>
    <message>
        <source>Directory for the alert store (default: the user&apos;s application data folder).</source>
        <translation>告警存储目录（默认：用户的应用数据文件夹）。</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Run without a window: listener and store only; logs to stderr; stops on SIGINT/SIGTERM.</source>
        <translation>无窗口运行：仅运行监听和存储；日志输出到 stderr；收到 SIGINT/SIGTERM 时停止。</translation>
    </message>
    <message>
        <source>Load the bundled sample alerts (marked as demo data).</source>
        <translation>加载内置的示例告警（标记为演示数据）。</translation>
    </message>
    <message>
        <source>Least severe messages to log: %1 (default info). QT_LOGGING_RULES overrides it.</source>
        <translation>记录的最低日志级别：%1（默认 info）。QT_LOGGING_RULES 优先。</translation>
    </message>
    <message>
        <source>LEVEL</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;; see --help.</source>
        <translation>多余的参数 &quot;%1&quot;；请参阅 --help。</translation>
    </message>
    <message>
        <source>--listen: %1</source>
        <translation>--listen：%1</translation>
    </message>
    <message>
        <source>--data-dir: the directory name is empty.</source>
        <translation>--data-dir：目录名为空。</translation>
    </message>
    <message>
        <source>--log-level: &quot;%1&quot; is not one of %2.</source>
        <translation>--log-level：&quot;%1&quot; 不是 %2 之一。</translation>
    </message>
    <message>
        <source>TIME</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Write the stored webhook payloads of --data-dir as NDJSON to stdout and exit.</source>
        <translation>将 --data-dir 中存储的 Webhook 推送数据以 NDJSON 写到标准输出后退出。</translation>
    </message>
    <message>
        <source>--%1: &quot;%2&quot; is not a time; use RFC 3339 (2026-11-22T10:00:00Z) or a date (2026-11-22).</source>
        <translation>--%1：&quot;%2&quot; 不是时间；请使用 RFC 3339（2026-11-22T10:00:00Z）或日期（2026-11-22）。</translation>
    </message>
    <message>
        <source>Remove resolved alerts and payloads older than DAYS from the store (default 90; 0 keeps everything).</source>
        <translation>从存储中删除早于 DAYS 天的已恢复告警和推送数据（默认 90；0 表示全部保留）。</translation>
    </message>
    <message>
        <source>DAYS</source>
        <translation>DAYS</translation>
    </message>
    <message>
        <source>Serve webhooks over HTTPS with this PEM certificate (chain); needs --tls-key.</source>
        <translation>使用此 PEM 证书（链）通过 HTTPS 接收 webhook；需要同时指定 --tls-key。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Unencrypted PEM private key for --tls-cert.</source>
        <translation>--tls-cert 对应的未加密 PEM 私钥。</translation>
    </message>
    <message>
        <source>--retention-days: &quot;%1&quot; is not a number of days (0 or more).</source>
        <translation>--retention-days：“%1”不是有效的天数（0 或更大）。</translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key go together: give both files or neither.</source>
        <translation>--tls-cert 与 --tls-key 必须同时使用：两个文件都提供，或都不提供。</translation>
    </message>
    <message>
        <source>Headless: read a secret from FILE instead of its ALERTDECK_&lt;NAME&gt; environment variable (repeatable). NAME is one of %1.</source>
        <translation>无窗口运行：从 FILE 读取密钥，而不是从对应的 ALERTDECK_&lt;NAME&gt; 环境变量读取（可重复指定）。NAME 为 %1 之一。</translation>
    </message>
    <message>
        <source>NAME=@FILE</source>
        <translation>NAME=@FILE</translation>
    </message>
    <message>
        <source>--secret: &quot;%1&quot; does not name a secret; use NAME=@FILE with NAME one of %2.</source>
        <translation>--secret：&quot;%1&quot; 不是有效的密钥名称；请使用 NAME=@FILE，其中 NAME 为 %2 之一。</translation>
    </message>
    <message>
        <source>--secret %1: give a file as %1=@/path/to/file; a secret written on the command line would be visible to other users.</source>
        <translation>--secret %1：请以 %1=@/path/to/file 的形式指定文件；直接写在命令行上的密钥会被其他用户看到。</translation>
    </message>
    <message>
        <source>--secret applies to --headless; the desktop application keeps secrets in the system keychain (Settings).</source>
        <translation>--secret 仅适用于 --headless；桌面应用将密钥保存在系统钥匙串中（见“设置”）。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Print the metric and log queries planned for an alert of --payload, and what Prometheus and Loki answer, then exit.</source>
        <translation>打印为 --payload 中某条告警规划的指标与日志查询，以及 Prometheus 和 Loki 的返回结果，然后退出。</translation>
    </message>
    <message>
        <source>--alert: &quot;%1&quot; is not an alert number (1, 2, …).</source>
        <translation>--alert：&quot;%1&quot; 不是告警序号（1、2、…）。</translation>
    </message>
    <message>
        <source>--%1: &quot;%2&quot; is not an http(s) URL.</source>
        <translation>--%1：&quot;%2&quot; 不是 http(s) URL。</translation>
    </message>
    <message>
        <source>context, analyze: fetch the metric windows from this Prometheus.</source>
        <translation>context、analyze：从此 Prometheus 获取指标窗口。</translation>
    </message>
    <message>
        <source>context, analyze: fetch the log lines from this Loki.</source>
        <translation>context、analyze：从此 Loki 获取日志行。</translation>
    </message>
    <message>
        <source>analyze: the OpenAI-compatible API to ask (default: the saved setting).</source>
        <translation>analyze：要调用的 OpenAI 兼容 API（默认：已保存的设置）。</translation>
    </message>
    <message>
        <source>analyze: the model (default: the saved setting).</source>
        <translation>analyze：模型（默认：已保存的设置）。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>analyze: send the alert alone, without metrics and logs.</source>
        <translation>analyze：只发送告警本身，不带指标和日志。</translation>
    </message>
    <message>
        <source>%1 needs --payload FILE.</source>
        <translation>%1 需要 --payload FILE。</translation>
    </message>
    <message>
        <source>--model: the model name is empty.</source>
        <translation>--model：模型名称为空。</translation>
    </message>
    <message>
        <source>--%1 only applies to &quot;analyze&quot;.</source>
        <translation>--%1 仅适用于 &quot;analyze&quot;。</translation>
    </message>
    <message>
        <source>--no-context leaves metrics and logs out: drop --prometheus and --loki.</source>
        <translation>--no-context 不包含指标和日志：请去掉 --prometheus 和 --loki。</translation>
    </message>
    <message>
        <source>forward: the chat destination, by its name in Settings.</source>
        <translation>forward：转发目标，即设置中的名称。</translation>
    </message>
    <message>
        <source>forward: a Markdown file to send as the alert&apos;s analysis.</source>
        <translation>forward：作为告警分析发送的 Markdown 文件。</translation>
    </message>
    <message>
        <source>forward: print the message instead of sending it.</source>
        <translation>forward：只打印消息，不发送。</translation>
    </message>
    <message>
        <source>Send an alert of --payload (with --analysis) to the chat destination --to, as the Forward button does, and exit; --dry-run prints the message instead.</source>
        <translation>像“转发”按钮一样，将 --payload 中的一条告警（以及 --analysis）发送到聊天目标 --to 后退出；--dry-run 则只打印消息。</translation>
    </message>
    <message>
        <source>--%1 only applies to &quot;forward&quot;.</source>
        <translation>--%1 仅适用于 &quot;forward&quot;。</translation>
    </message>
    <message>
        <source>--%1 does not apply to &quot;forward&quot;.</source>
        <translation>--%1 不适用于 &quot;forward&quot;。</translation>
    </message>
    <message>
        <source>forward needs --to NAME: the chat destination as named in Settings.</source>
        <translation>forward 需要 --to NAME：即设置中转发目标的名称。</translation>
    </message>
    <message>
        <source>replay: how much faster than it happened (1, 10, 60, 600…; default 1).</source>
        <translation>replay：比原始速度快多少倍（1、10、60、600…；默认 1）。</translation>
    </message>
    <message>
        <source>replay: as fast as possible.</source>
        <translation>replay：尽可能快。</translation>
    </message>
    <message>
        <source>replay: shorten quiet stretches longer than this many seconds to it.</source>
        <translation>replay：将长于此秒数的空闲间隔缩短为此秒数。</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SECONDS</translation>
    </message>
    <message>
        <source>replay: send &quot;Authorization: Bearer&quot; with the token in this environment variable.</source>
        <translation>replay：使用此环境变量中的令牌发送 &quot;Authorization: Bearer&quot;。</translation>
    </message>
    <message>
        <source>VAR</source>
        <translation>VAR</translation>
    </message>
    <message>
        <source>replay: send Basic auth with &quot;user:password&quot; from this environment variable.</source>
        <translation>replay：使用此环境变量中的 &quot;user:password&quot; 发送 Basic 认证。</translation>
    </message>
    <message>
        <source>Post the payloads of FILE|DIR... (single payloads, JSON arrays, NDJSON as history export writes it) to the listener at --to URL at their original pacing, and exit.</source>
        <translation>按原始节奏将 FILE|DIR... 中的推送数据（单条推送数据、JSON 数组、history export 输出的 NDJSON）发送到 --to URL 处的监听器，然后退出。</translation>
    </message>
    <message>
        <source>replay needs one or more FILE or DIR to replay.</source>
        <translation>replay 需要一个或多个要回放的 FILE 或 DIR。</translation>
    </message>
    <message>
        <source>replay needs --to URL: the listener to post the payloads to.</source>
        <translation>replay 需要 --to URL：接收推送数据的监听器。</translation>
    </message>
    <message>
        <source>--to: &quot;%1&quot; is not an http(s) URL.</source>
        <translation>--to：&quot;%1&quot; 不是 http(s) URL。</translation>
    </message>
    <message>
        <source>--speed and --max exclude each other.</source>
        <translation>--speed 与 --max 不能同时使用。</translation>
    </message>
    <message>
        <source>--speed: &quot;%1&quot; is not a positive number (1, 10, 60…).</source>
        <translation>--speed：&quot;%1&quot; 不是正数（1、10、60…）。</translation>
    </message>
    <message>
        <source>--max-gap: &quot;%1&quot; is not a number of seconds.</source>
        <translation>--max-gap：&quot;%1&quot; 不是秒数。</translation>
    </message>
    <message>
        <source>--token-env and --basic-env exclude each other.</source>
        <translation>--token-env 与 --basic-env 不能同时使用。</translation>
    </message>
    <message>
        <source>--%1 does not apply to &quot;replay&quot;.</source>
        <translation>--%1 不适用于 &quot;replay&quot;。</translation>
    </message>
    <message>
        <source>--%1 only applies to &quot;replay&quot;.</source>
        <translation>--%1 仅适用于 &quot;replay&quot;。</translation>
    </message>
    <message>
        <source>Run the profile NAME: its own settings, data, keychain entries and default port (letters, digits, - and _).</source>
        <translation>运行配置档 NAME：使用其独立的设置、数据、钥匙串条目和默认端口（字母、数字、- 和 _）。</translation>
    </message>
    <message>
        <source>--profile: &quot;%1&quot; is not a profile name; use letters, digits, - and _ (at most 32).</source>
        <translation>--profile：“%1”不是有效的配置档名称；请使用字母、数字、- 和 _（最多 32 个）。</translation>
    </message>
    <message>
        <source>Take the settings from this INI file (the keys Settings uses; secrets stay out of it). Invalid files stop a headless start.</source>
        <translation>从此 INI 文件读取设置（键名与设置相同；其中不含机密）。无效的文件会阻止无界面启动。</translation>
    </message>
    <message>
        <source>Use &quot;config check FILE&quot;.</source>
        <translation>请使用 &quot;config check FILE&quot;。</translation>
    </message>
    <message>
        <source>analyze: let the model query Prometheus and Loki itself (read-only tools), whatever the saved setting says; each call is listed on stderr. Default: the saved setting (on unless turned off).</source>
        <translation>analyze：允许模型自行查询 Prometheus 和 Loki（只读工具），不论已保存的设置如何；每次调用都列在标准错误输出上。默认：已保存的设置（除非关闭，否则开启）。</translation>
    </message>
    <message>
        <source>analyze: no tool calls, whatever the saved setting says: one request, one answer.</source>
        <translation>analyze：不调用工具，不论已保存的设置如何：一次请求，一个回答。</translation>
    </message>
    <message>
        <source>analyze: ask a follow-up question about the latest analysis of the alert stored in --data-dir (which it needs) and print the new answer; the conversation is stored back. Exit status 1 when there is no stored analysis to continue.</source>
        <translation>analyze：针对 --data-dir（必需）中保存的该告警最近一次分析提出追问，并打印新的回答；对话会存回。没有可继续的已保存分析时退出状态为 1。</translation>
    </message>
    <message>
        <source>QUESTION</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Stream the AI analysis of an alert of --payload to stdout (reasoning to stderr) and exit; the key comes from ALERTDECK_DEEPSEEK_API_KEY or the keychain. With --json, print one JSON object at the end instead: answer, reasoning, model, outcome, error, evidence [{id, kind, text}], citations [{id, count, valid, kind, text}], claims {claims, cited, unsupported, invalid_citations, unsupported_sentences}, hypotheses, hypotheses_problems, top_hypothesis, tool_steps [{call_id, name, arguments, state, summary, evidence_id}], usage {prompt_tokens, completion_tokens, total_tokens, reasoning_tokens}. With --data-dir DIR the analysis is stored there, and --ask continues it.</source>
        <translation>将 --payload 中某条告警的 AI 分析流式输出到标准输出（推理过程输出到标准错误输出）后退出；密钥来自 ALERTDECK_DEEPSEEK_API_KEY 或系统钥匙串。使用 --json 时，改为在结束时打印一个 JSON 对象：answer、reasoning、model、outcome、error、evidence [{id, kind, text}]、citations [{id, count, valid, kind, text}]、claims {claims, cited, unsupported, invalid_citations, unsupported_sentences}、hypotheses、hypotheses_problems、top_hypothesis、tool_steps [{call_id, name, arguments, state, summary, evidence_id}]、usage {prompt_tokens, completion_tokens, total_tokens, reasoning_tokens}。使用 --data-dir DIR 时分析会保存在该目录中，--ask 可继续该分析。</translation>
    </message>
    <message>
        <source>--tools and --no-tools exclude each other.</source>
        <translation>--tools 与 --no-tools 不能同时使用。</translation>
    </message>
    <message>
        <source>--ask: the question is empty.</source>
        <translation>--ask：问题为空。</translation>
    </message>
    <message>
        <source>--ask continues an analysis stored in --data-dir DIR: give the directory the analysis was stored in.</source>
        <translation>--ask 用于继续保存在 --data-dir DIR 中的分析：请给出保存该分析的目录。</translation>
    </message>
    <message>
        <source>history export: first receive time (RFC 3339 or YYYY-MM-DD); report: the window&apos;s start (also 12h, 7d: back from now; default: the last report, at most 7 days back, else 12h); incidents: the earliest start (the same forms; default 24h).</source>
        <translation>history export：最早的接收时间（RFC 3339 或 YYYY-MM-DD）；report：时间窗口的开始（也可写 12h、7d：从现在往前；默认：上次报告，最多往前 7 天，否则 12h）；incidents：最早的开始时间（同样的写法；默认 24h）。</translation>
    </message>
    <message>
        <source>history export: receive time to stop before (RFC 3339 or YYYY-MM-DD); report: the window&apos;s end (default: now).</source>
        <translation>history export：在此接收时间之前停止（RFC 3339 或 YYYY-MM-DD）；report：时间窗口的结束（默认：现在）。</translation>
    </message>
    <message>
        <source>context, analyze, forward, similar: a webhook payload file (any format the listener accepts).</source>
        <translation>context、analyze、forward、similar：一个推送数据文件（监听器接受的任意格式）。</translation>
    </message>
    <message>
        <source>context, analyze, forward, similar: which alert of the payload, from 1 (default 1).</source>
        <translation>context、analyze、forward、similar：推送数据中的第几条告警，从 1 开始（默认 1）。</translation>
    </message>
    <message>
        <source>context, analyze, incidents, similar: print JSON instead of text (analyze: one object once it ends).</source>
        <translation>context、analyze、incidents、similar：输出 JSON 而不是文本（analyze：结束后输出一个对象）。</translation>
    </message>
    <message>
        <source>incidents: list each incident&apos;s alerts under it.</source>
        <translation>incidents：在每个事件下列出其告警。</translation>
    </message>
    <message>
        <source>report: md (Markdown, the default) or json.</source>
        <translation>report：md（Markdown，默认）或 json。</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>Print the handover report of --data-dir for the window --since to --until (open alerts, counts, notes, analyses, noisiest rules, times to acknowledge and resolve) and exit.</source>
        <translation>输出 --data-dir 在 --since 到 --until 时间窗口内的交接班报告（未恢复的告警、计数、处置记录、分析、最嘈杂的规则、确认和恢复用时）后退出。</translation>
    </message>
    <message>
        <source>List the incidents of --data-dir that started since --since, newest first (at most %1): title, worst severity, state, alerts, shared scope; --verbose adds their alerts, --json prints one object {since, total, truncated, incidents [{anchor, title, severity, state, started_at, member_count, scope, members [...]}]}. Alerts stored before AlertDeck grouped incidents belong to none and are left out. Reads only: works while AlertDeck runs.</source>
        <translation>列出 --data-dir 中自 --since 起开始的事件，最新的在前（最多 %1 个）：标题、最高严重级别、状态、告警数、共同范围；--verbose 列出其告警，--json 输出一个对象 {since, total, truncated, incidents [{anchor, title, severity, state, started_at, member_count, scope, members [...]}]}。AlertDeck 开始归并事件之前存储的告警不属于任何事件，不会列出。只读：AlertDeck 运行时也可使用。</translation>
    </message>
    <message>
        <source>Print what the store in --data-dir has seen before of an alert of --payload: how often it fired in the last 30 days (new, rare, occasional, frequent), how long it usually lasted, and up to 5 earlier occurrences that match, with the reason, resolution note and analysis (--json: one object). Reads only, with the word index the running AlertDeck has built so far.</source>
        <translation>输出 --data-dir 的存储中以前见过的 --payload 中某条告警的情况：过去 30 天触发的次数（新出现、罕见、偶尔、频繁）、通常持续多久，以及最多 5 次匹配的历史发生，附带原因、处置记录和分析（--json：一个对象）。只读，使用正在运行的 AlertDeck 目前已建立的词索引。</translation>
    </message>
    <message>
        <source>--%1: &quot;%2&quot; is not a time; use RFC 3339 (2026-11-22T10:00:00Z), a date (2026-11-22) or a time back from now (12h, 7d).</source>
        <translation>--%1：“%2”不是时间；请使用 RFC 3339（2026-11-22T10:00:00Z）、日期（2026-11-22）或从现在往前的时长（12h、7d）。</translation>
    </message>
    <message>
        <source>--since must be before --until.</source>
        <translation>--since 必须早于 --until。</translation>
    </message>
    <message>
        <source>--format: &quot;%1&quot; is not md or json.</source>
        <translation>--format：“%1”不是 md 或 json。</translation>
    </message>
    <message>
        <source>--until does not apply to &quot;incidents&quot;.</source>
        <translation>--until 不适用于“incidents”。</translation>
    </message>
    <message>
        <source>similar needs --payload FILE.</source>
        <translation>similar 需要 --payload FILE。</translation>
    </message>
    <message>
        <source>--%1 does not apply to &quot;similar&quot;.</source>
        <translation>--%1 不适用于“similar”。</translation>
    </message>
    <message>
        <source>--since and --until only apply to &quot;history export&quot;, &quot;report&quot; and &quot;incidents&quot;.</source>
        <translation>--since 和 --until 只适用于“history export”、“report”和“incidents”。</translation>
    </message>
    <message>
        <source>--format only applies to &quot;report&quot;.</source>
        <translation>--format 只适用于“report”。</translation>
    </message>
    <message>
        <source>--verbose only applies to &quot;incidents&quot;.</source>
        <translation>--verbose 只适用于“incidents”。</translation>
    </message>
    <message>
        <source>--%1 only applies to &quot;context&quot;, &quot;analyze&quot;, &quot;forward&quot; and &quot;similar&quot;.</source>
        <translation>--%1 只适用于“context”、“analyze”、“forward”和“similar”。</translation>
    </message>
</context>
<context>
    <name>ConfigCheckCommand</name>
    <message numerus="yes">
        <source>%n problem(s) in %1.</source>
        <translation>
            <numerusform>%1 中有 %n 个问题。</numerusform>
        </translation>
    </message>
    <message>
        <source>; The configuration %1 gives (&quot;; default&quot; marks what it leaves as it is).</source>
        <translation>; 配置 %1 的生效结果（“; 默认”表示该项保持默认值）。</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>&lt;from file %1&gt;</source>
        <translation>&lt;来自文件 %1&gt;</translation>
    </message>
    <message>
        <source>&lt;from env %1&gt;</source>
        <translation>&lt;来自环境变量 %1&gt;</translation>
    </message>
    <message>
        <source>&lt;from keychain&gt;</source>
        <translation>&lt;来自钥匙串&gt;</translation>
    </message>
    <message>
        <source>&lt;missing&gt;</source>
        <translation>&lt;缺失&gt;</translation>
    </message>
    <message>
        <source>&lt;missing: %1&gt;</source>
        <translation>&lt;缺失：%1&gt;</translation>
    </message>
</context>
<context>
    <name>ConfigFile</name>
    <message>
        <source>&quot;%1&quot; is not an http:// or https:// URL</source>
        <translation>“%1”不是 http:// 或 https:// 地址</translation>
    </message>
    <message>
        <source>the URL holds a password: give the user in the file and the password as a secret (keychain, environment or --secret)</source>
        <translation>地址中包含密码：请在文件中写用户名，密码作为机密提供（钥匙串、环境变量或 --secret）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of %2</source>
        <translation>“%1”不是以下之一：%2</translation>
    </message>
    <message>
        <source>secrets do not go in a configuration file: keep them in the keychain (Settings), in the environment (ALERTDECK_&lt;NAME&gt;) or in a file given with --secret NAME=@FILE</source>
        <translation>机密不能写在配置文件中：请放在钥匙串（设置）、环境变量（ALERTDECK_&lt;NAME&gt;）或用 --secret NAME=@FILE 指定的文件中</translation>
    </message>
    <message>
        <source>unknown key</source>
        <translation>未知的键</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not true or false</source>
        <translation>“%1”不是 true 或 false</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a whole number</source>
        <translation>“%1”不是整数</translation>
    </message>
    <message>
        <source>%1 is negative</source>
        <translation>%1 是负数</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number</source>
        <translation>“%1”不是数字</translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation>不是有效的 JSON：%1</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <source>not an INI file</source>
        <translation>不是 INI 文件</translation>
    </message>
    <message>
        <source>give the destinations either here (JSON) or as [Destination.ID] sections, not both</source>
        <translation>转发目标请二选一：在此处（JSON）或以 [Destination.ID] 小节给出，不能同时使用</translation>
    </message>
    <message>
        <source>secrets do not go in a configuration file: name them with secret=NAME and give ALERTDECK_SECRET_NAME or --secret NAME=@FILE</source>
        <translation>机密不能写在配置文件中：请用 secret=NAME 命名，并通过 ALERTDECK_SECRET_NAME 或 --secret NAME=@FILE 提供</translation>
    </message>
    <message>
        <source>unknown key (one of %1)</source>
        <translation>未知的键（可用：%1）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a chat tool; use one of %2</source>
        <translation>“%1”不是聊天工具；请使用以下之一：%2</translation>
    </message>
    <message>
        <source>%1= names a secret (letters, digits, _), it does not hold it: write e.g. %1=%2 and give the value in ALERTDECK_SECRET_%2, with --secret %2=@FILE or in the keychain</source>
        <translation>%1= 用于给机密命名（字母、数字、_），而不是存放机密本身：例如写 %1=%2，并通过 ALERTDECK_SECRET_%2、--secret %2=@FILE 或钥匙串提供其值</translation>
    </message>
    <message>
        <source>missing: name the secret holding the webhook URL (Telegram: the bot token), e.g. secret=%1</source>
        <translation>缺失：请命名保存 Webhook 地址（Telegram：机器人令牌）的机密，例如 secret=%1</translation>
    </message>
    <message>
        <source>cannot write the settings</source>
        <translation>无法写入设置</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>it is a named pipe (FIFO), not a regular file</source>
        <translation>它是命名管道（FIFO），不是普通文件</translation>
    </message>
    <message>
        <source>it is a folder, not a regular file</source>
        <translation>它是文件夹，不是普通文件</translation>
    </message>
    <message>
        <source>it is a device, not a regular file</source>
        <translation>它是设备，不是普通文件</translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation>它不是普通文件</translation>
    </message>
    <message>
        <source>it is larger than %1</source>
        <translation>它大于 %1</translation>
    </message>
</context>
<context>
    <name>ConnectionChecker</name>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>%1: the credentials were refused%2</source>
        <translation>%1：凭据被拒绝%2</translation>
    </message>
    <message>
        <source>%1: nothing there — check the URL (and any path prefix)%2</source>
        <translation>%1：该地址下没有内容 — 请检查 URL（及路径前缀）%2</translation>
    </message>
    <message>
        <source>HTTP %1, but the answer is not %2&apos;s API: is this the right URL?</source>
        <translation>HTTP %1，但响应并非来自 %2 的 API：URL 是否正确？</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a URL (http://host:port)</source>
        <translation>&quot;%1&quot; 不是 URL（http://host:port）</translation>
    </message>
    <message numerus="yes">
        <source>No answer within %n second(s)</source>
        <translation>
            <numerusform>%n 秒内无响应</numerusform>
        </translation>
    </message>
    <message>
        <source>Connected: Prometheus %1</source>
        <translation>已连接：Prometheus %1</translation>
    </message>
    <message numerus="yes">
        <source>Connected: Loki answered with %n label name(s)</source>
        <translation>
            <numerusform>已连接：Loki 返回了 %n 个标签名</numerusform>
        </translation>
    </message>
    <message>
        <source>Connected: Alertmanager %1</source>
        <translation>已连接：Alertmanager %1</translation>
    </message>
    <message>
        <source>Connected: Alertmanager %1 (cluster %2)</source>
        <translation>已连接：Alertmanager %1（集群 %2）</translation>
    </message>
    <message>
        <source>an OpenAI-compatible provider</source>
        <translation>OpenAI 兼容服务商</translation>
    </message>
    <message numerus="yes">
        <source>Connected: the key works; %n model(s) offered</source>
        <translation>
            <numerusform>已连接：密钥有效；提供 %n 个模型</numerusform>
        </translation>
    </message>
    <message>
        <source>, including %1</source>
        <translation>，包括 %1</translation>
    </message>
    <message>
        <source>Connected: the key works, but the model &quot;%1&quot; is not offered (offered: %2)</source>
        <translation>已连接：密钥有效，但未提供模型 &quot;%1&quot;（可用：%2）</translation>
    </message>
    <message>
        <source>Could not ask Loki which streams %1 matches.</source>
        <translation>无法向 Loki 查询 %1 匹配哪些日志流。</translation>
    </message>
    <message>
        <source>But %1, the label map&apos;s selector for the alert &quot;%2&quot;, finds no log streams around its start: the Logs tab will ask Loki for other labels and offer to save the one that works.</source>
        <translation>但是，标签映射为告警“%2”给出的选择器 %1 在其开始时间前后找不到日志流：日志标签页会向 Loki 询问其他标签，并提供保存可用选择器的选项。</translation>
    </message>
    <message>
        <source>Could not check a sample alert&apos;s streams: %1</source>
        <translation>无法检查示例告警的日志流：%1</translation>
    </message>
</context>
<context>
    <name>ConnectionTestButton</name>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
</context>
<context>
    <name>ContextClient</name>
    <message>
        <source>no answer within %1 s</source>
        <translation>%1 秒内无响应</translation>
    </message>
    <message>
        <source>the list of label names is larger than %L1 KiB</source>
        <translation>标签名列表超过 %L1 KiB</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>the answer is larger than %L1 MiB and was not read</source>
        <translation>响应超过 %L1 MiB，未读取</translation>
    </message>
    <message>
        <source>the answer is not Prometheus&apos;s API (HTTP %1)</source>
        <translation>响应不是 Prometheus API 的格式（HTTP %1）</translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1：%2</translation>
    </message>
</context>
<context>
    <name>ContextCommand</name>
    <message>
        <source>Alert %1 of %2: %3 (%4, %5) from %6</source>
        <translation>告警 %1/%2：%3（%4，%5），来自 %6</translation>
    </message>
    <message>
        <source>Window: %1 … %2, step %3 s</source>
        <translation>时间窗口：%1 … %2，步长 %3 秒</translation>
    </message>
    <message>
        <source>Metrics:</source>
        <translation>指标：</translation>
    </message>
    <message>
        <source>nothing to plot: the alert has no PromQL and is not a node_exporter target</source>
        <translation>无可绘制内容：该告警没有 PromQL，也不是 node_exporter 目标</translation>
    </message>
    <message>
        <source>threshold %1</source>
        <translation>阈值 %1</translation>
    </message>
    <message>
        <source>Prometheus: %1</source>
        <translation>Prometheus：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n series</source>
        <translation>
            <numerusform>%n 条序列</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s)</source>
        <translation>
            <numerusform>%n 个点</numerusform>
        </translation>
    </message>
    <message>
        <source>min %1  max %2  last %3</source>
        <translation>最小 %1  最大 %2  最新 %3</translation>
    </message>
    <message>
        <source>Logs:</source>
        <translation>日志：</translation>
    </message>
    <message>
        <source>Loki: %1</source>
        <translation>Loki：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContextPage</name>
    <message>
        <source>Metrics and logs</source>
        <translation>指标与日志</translation>
    </message>
    <message>
        <source> min before the start</source>
        <translation> 分钟（开始前）</translation>
    </message>
    <message>
        <source> min after</source>
        <translation> 分钟（开始后）</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>时间窗口</translation>
    </message>
    <message>
        <source>Log lines</source>
        <translation>日志行数</translation>
    </message>
    <message>
        <source>Extra charts and the Loki label map</source>
        <translation>额外图表与 Loki 标签映射</translation>
    </message>
    <message>
        <source>Kept in %1.</source>
        <translation>保存在 %1。</translation>
    </message>
    <message>
        <source>Only error-like lines (error, fail, panic, fatal, critical, warn, kill, OOM, timeout, refused…)</source>
        <translation>仅错误类日志（error、fail、panic、fatal、critical、warn、kill、OOM、timeout、refused…）</translation>
    </message>
</context>
<context>
    <name>ContextPlan</name>
    <message>
        <source>Alert expression</source>
        <translation>告警表达式</translation>
    </message>
    <message>
        <source>CPU busy %</source>
        <translation>CPU 使用率 %</translation>
    </message>
    <message>
        <source>Memory used %</source>
        <translation>内存使用率 %</translation>
    </message>
    <message>
        <source>Disk used %</source>
        <translation>磁盘使用率 %</translation>
    </message>
    <message>
        <source>Network bytes/s</source>
        <translation>网络字节/秒</translation>
    </message>
    <message>
        <source>None of this alert&apos;s labels identifies a log stream (looked for %1).</source>
        <translation>该告警的标签都无法确定日志流（查找了 %1）。</translation>
    </message>
    <message>
        <source>The alert&apos;s expression is too long to chart (%L1 characters).</source>
        <translation>告警的表达式太长，无法绘图（%L1 个字符）。</translation>
    </message>
</context>
<context>
    <name>ContextResponse</name>
    <message>
        <source>the answer is not Prometheus&apos;s API (HTTP %1)</source>
        <translation>返回内容不是 Prometheus 的 API（HTTP %1）</translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1：%2</translation>
    </message>
    <message>
        <source>expected a range (matrix) result, got &quot;%1&quot;</source>
        <translation>期望区间（matrix）结果，实际为 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the answer is not Loki&apos;s API (HTTP %1)</source>
        <translation>返回内容不是 Loki 的 API（HTTP %1）</translation>
    </message>
</context>
<context>
    <name>ContextService</name>
    <message>
        <source>No Loki is configured (Settings → Data sources).</source>
        <translation>尚未配置 Loki（设置 → 数据源）。</translation>
    </message>
    <message>
        <source>There is no queries file to keep the label map in.</source>
        <translation>没有可保存标签映射的查询文件。</translation>
    </message>
</context>
<context>
    <name>ContextTemplates</name>
    <message>
        <source>line %1: &quot;match&quot; needs matchers such as alertname=~&quot;Postgres.*&quot;%2</source>
        <translation>第 %1 行：&quot;match&quot; 需要匹配器，例如 alertname=~&quot;Postgres.*&quot;%2</translation>
    </message>
    <message>
        <source>line %1: a &quot;query&quot; belongs under a &quot;match&quot; line</source>
        <translation>第 %1 行：&quot;query&quot; 必须位于某个 &quot;match&quot; 行之下</translation>
    </message>
    <message>
        <source>line %1: write &quot;query TITLE = PROMQL&quot;</source>
        <translation>第 %1 行：请写成 &quot;query 标题 = PROMQL&quot;</translation>
    </message>
    <message>
        <source>line %1: write &quot;loki ALERT-LABEL -&gt; LOKI-LABEL [strip-port] [group N]&quot;</source>
        <translation>第 %1 行：请写成 &quot;loki 告警标签 -&gt; LOKI标签 [strip-port] [group N]&quot;</translation>
    </message>
    <message>
        <source>line %1: unknown &quot;%2&quot;; lines start with match, query, loki or #</source>
        <translation>第 %1 行：未知的 &quot;%2&quot;；每行应以 match、query、loki 或 # 开头</translation>
    </message>
    <message>
        <source>&quot;match %1&quot; has no &quot;query&quot; lines under it</source>
        <translation>&quot;match %1&quot; 下面没有 &quot;query&quot; 行</translation>
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
        <translation># AlertDeck “指标”和“日志”标签页的额外图表与 Loki 标签映射。
#
# match &lt;过滤栏匹配器&gt;          为匹配的告警开始一个模板
# query &lt;标题&gt; = &lt;PromQL&gt;        添加一个图表；${labels.NAME} 为告警的标签值
# loki &lt;告警标签&gt; -&gt; &lt;Loki 标签&gt; [strip-port] [group N]
#                                  替换默认的标签映射
#
# 示例：
# match alertname=~&quot;Postgres.*&quot;
# query Connections = sum(pg_stat_activity_count{instance=&quot;${labels.instance}&quot;})
# query Replication lag (s) = pg_replication_lag{instance=&quot;${labels.instance}&quot;}
</translation>
    </message>
    <message>
        <source>a backslash stands right before ${labels.%1}</source>
        <translation>${labels.%1} 前面紧挨着一个反斜杠</translation>
    </message>
    <message>
        <source>the label %1 holds a ` that cannot go in a `…` string</source>
        <translation>标签 %1 含有 `，无法放进 `…` 字符串</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is left out: %2.</source>
        <translation>“%1”未绘制：%2。</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
</context>
<context>
    <name>ConversationText</name>
    <message>
        <source>You asked:</source>
        <translation>你的提问：</translation>
    </message>
</context>
<context>
    <name>DataDirectory</name>
    <message>
        <source>The data directory %1 is a file, not a directory.</source>
        <translation>数据目录 %1 是一个文件，而不是目录。</translation>
    </message>
    <message>
        <source>Cannot create the data directory %1: check that its parent exists and is writable.</source>
        <translation>无法创建数据目录 %1：请检查其上级目录是否存在且可写。</translation>
    </message>
    <message>
        <source>The data directory %1 is not writable: %2.</source>
        <translation>数据目录 %1 不可写：%2。</translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Export history…</source>
        <translation>导出历史…</translation>
    </message>
    <message>
        <source>Keep everything</source>
        <translation>全部保留</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Resolved alerts and payloads older than this are removed in the background.</source>
        <translation>早于此期限的已恢复告警和推送数据会在后台删除。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation>数据目录</translation>
    </message>
    <message>
        <source>A new directory is used from the next start; this run keeps %1.</source>
        <translation>新目录将在下次启动时生效；本次运行仍使用 %1。</translation>
    </message>
    <message>
        <source>Keep resolved alerts</source>
        <translation>保留已恢复告警</translation>
    </message>
    <message>
        <source>Webhook history</source>
        <translation>Webhook 历史</translation>
    </message>
    <message>
        <source>Give a full path (it is used from the next start, whatever folder AlertDeck starts in).</source>
        <translation>请填写完整路径（将在下次启动时生效，与 AlertDeck 从哪个文件夹启动无关）。</translation>
    </message>
    <message>
        <source>Export webhook history</source>
        <translation>导出 Webhook 历史</translation>
    </message>
    <message>
        <source>NDJSON (*.ndjson);;All files (*)</source>
        <translation>NDJSON (*.ndjson);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n payload(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 条推送数据导出到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Alerts of the same Alertmanager &amp;group join one incident</source>
        <translation>同一 Alertmanager 分组(&amp;G)的告警归入同一事件</translation>
    </message>
    <message>
        <source>Alerts that share the value of one of these scopes and start close together form one incident. Separate scopes with &quot;;&quot;, join labels that name one thing with &quot;+&quot; (namespace+pod) and give alternatives with &quot;|&quot; (instance|host|node). A trailing :port is ignored.</source>
        <translation>具有这些范围中某一范围的相同取值、且开始时间相近的告警归为一个事件。范围之间用“;”分隔，用“+”连接共同表示一个对象的标签（namespace+pod），用“|”给出可互相替代的标签（instance|host|node）。末尾的 :端口 会被忽略。</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>An alert joins an incident when it starts within this time of its alerts.</source>
        <translation>告警在事件中其他告警开始后的这段时间内开始，即加入该事件。</translation>
    </message>
    <message>
        <source>An incident ends when all its alerts have been resolved this long; a later alert starts a new one.</source>
        <translation>事件的所有告警都已恢复这么久后，事件结束；之后的告警开始新的事件。</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Related when they share</source>
        <translation>归为相关的共同范围</translation>
    </message>
    <message>
        <source>Starting within</source>
        <translation>开始时间相差不超过</translation>
    </message>
    <message>
        <source>Ends when resolved for</source>
        <translation>全部恢复多久后结束</translation>
    </message>
    <message>
        <source>Merges and splits made by hand are kept whatever these rules say.</source>
        <translation>手动合并和拆分会保留，不受这些规则影响。</translation>
    </message>
    <message>
        <source>Give at least one scope, for example %1.</source>
        <translation>请至少给出一个范围，例如 %1。</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Firing alerts always show. Resolved ones leave the table (not the store) after this long; “Search older history” in the filter bar brings them back.</source>
        <translation>正在触发的告警始终显示。已恢复的告警在这段时间后离开表格（不会离开存储）；筛选栏中的“搜索更早的历史”可以找回它们。</translation>
    </message>
    <message>
        <source>Show resolved alerts in the table for</source>
        <translation>已恢复告警在表格中的显示时长</translation>
    </message>
</context>
<context>
    <name>DataSourcesPage</name>
    <message>
        <source>empty: no authentication</source>
        <translation>留空：不认证</translation>
    </message>
    <message>
        <source>Data sources</source>
        <translation>数据源</translation>
    </message>
    <message>
        <source>http://prometheus:9090 (one per line)</source>
        <translation>http://prometheus:9090（每行一个）</translation>
    </message>
    <message>
        <source>http://loki:3100 (empty: no log snippets)</source>
        <translation>http://loki:3100（留空：不获取日志片段）</translation>
    </message>
    <message>
        <source>X-Scope-OrgID, for multi-tenant Loki</source>
        <translation>X-Scope-OrgID，用于多租户 Loki</translation>
    </message>
    <message>
        <source>http://alertmanager:9093 (one per line, one HA cluster)</source>
        <translation>http://alertmanager:9093（每行一个，同属一个高可用集群）</translation>
    </message>
    <message>
        <source>Prometheus (metric windows)</source>
        <translation>Prometheus（指标曲线）</translation>
    </message>
    <message>
        <source>URLs</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Loki (log snippets)</source>
        <translation>Loki（日志片段）</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>Alertmanager (silences and catch-up)</source>
        <translation>Alertmanager（静默与补拉告警）</translation>
    </message>
    <message>
        <source>Enter a URL first.</source>
        <translation>请先输入 URL。</translation>
    </message>
    <message>
        <source>A user needs a password (Set… on the line below).</source>
        <translation>填写用户名时需要密码（点击下一行的“设置…”）。</translation>
    </message>
    <message>
        <source>Grafana (Open in Explore from the Logs tab)</source>
        <translation>Grafana（从“日志”标签页在 Explore 中打开）</translation>
    </message>
    <message>
        <source>https://grafana.example.com (optional)</source>
        <translation>https://grafana.example.com（可选）</translation>
    </message>
    <message>
        <source>the Loki data source&apos;s uid in Grafana</source>
        <translation>Grafana 中 Loki 数据源的 uid</translation>
    </message>
    <message>
        <source>Loki data source</source>
        <translation>Loki 数据源</translation>
    </message>
    <message>
        <source>Give the uid of Grafana&apos;s Loki data source too (Connections → Data sources → Loki; it is in the page&apos;s address).</source>
        <translation>还需填写 Grafana 中 Loki 数据源的 uid（连接 → 数据源 → Loki；它在页面地址中）。</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Also at start and after the computer wakes up or its network changes</source>
        <translation>启动时、电脑唤醒后或网络变化后也会同步</translation>
    </message>
    <message>
        <source>Catch up every</source>
        <translation>同步间隔</translation>
    </message>
    <message>
        <source>Acknowledge silences the alert this long, extended while it fires</source>
        <translation>“确认”将告警静默这么久，告警持续触发时自动延长</translation>
    </message>
    <message>
        <source>Acknowledge for</source>
        <translation>确认时长</translation>
    </message>
    <message>
        <source>your login name</source>
        <translation>你的登录名</translation>
    </message>
    <message>
        <source>Shown as the creator of silences and acknowledgements</source>
        <translation>作为静默和确认的创建者显示</translation>
    </message>
    <message>
        <source>Silence author</source>
        <translation>静默创建者</translation>
    </message>
</context>
<context>
    <name>DestinationDialog</name>
    <message>
        <source>Signing secret</source>
        <translation>签名密钥</translation>
    </message>
    <message>
        <source>Chat id</source>
        <translation>聊天 ID</translation>
    </message>
    <message>
        <source>Show the message before sending it</source>
        <translation>发送前预览消息</translation>
    </message>
    <message>
        <source>Edit destination</source>
        <translation>编辑转发目标</translation>
    </message>
    <message>
        <source>Add destination</source>
        <translation>添加转发目标</translation>
    </message>
    <message>
        <source>e.g. #ops-alerts</source>
        <translation>例如 #ops-alerts</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>The URL, token and signing secret are kept in the system keychain, never in the settings file.</source>
        <translation>URL、令牌和签名密钥保存在系统钥匙串中，绝不会写入设置文件。</translation>
    </message>
    <message>
        <source>Bot token</source>
        <translation>机器人令牌</translation>
    </message>
    <message>
        <source>Webhook URL</source>
        <translation>Webhook URL</translation>
    </message>
    <message>
        <source>stored in the keychain; type to replace</source>
        <translation>已保存在钥匙串中；输入新值以替换</translation>
    </message>
    <message>
        <source>123456789:AAH… from BotFather</source>
        <translation>123456789:AAH…，由 BotFather 提供</translation>
    </message>
    <message>
        <source>https://… as the tool shows it</source>
        <translation>https://…，按工具中显示的填写</translation>
    </message>
    <message>
        <source>unchanged unless typed; optional</source>
        <translation>不输入则保持不变；可选</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>Telegram needs the chat id to post to (a number, or @channelname).</source>
        <translation>Telegram 需要填写要发送到的聊天 ID（数字或 @频道名）。</translation>
    </message>
    <message>
        <source>Body template</source>
        <translation>消息体模板</translation>
    </message>
    <message>
        <source>Empty: AlertDeck&apos;s JSON (title, text, alert, links, analysis). Or JSON of your own, e.g.
{&quot;msg&quot;: &quot;{{alert.name}} is {{alert.state}}&quot;, &quot;host&quot;: &quot;{{alert.labels.instance}}&quot;}</source>
        <translation>留空：使用 AlertDeck 的 JSON（title、text、alert、links、analysis）。也可以自定义 JSON，例如
{&quot;msg&quot;: &quot;{{alert.name}} is {{alert.state}}&quot;, &quot;host&quot;: &quot;{{alert.labels.instance}}&quot;}</translation>
    </message>
    <message>
        <source>Placeholders, replaced inside JSON strings: %1</source>
        <translation>占位符（在 JSON 字符串中替换）：%1</translation>
    </message>
</context>
<context>
    <name>DestinationsPage</name>
    <message>
        <source>Chat destinations</source>
        <translation>转发目标</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Make default</source>
        <translation>设为默认</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Send test message</source>
        <translation>发送测试消息</translation>
    </message>
    <message>
        <source>The Forward button sends the selected alert and its analysis to the default destination; its menu lists the others.</source>
        <translation>“转发”按钮会将所选告警及其分析发送到默认转发目标；其菜单中列出了其他转发目标。</translation>
    </message>
    <message>
        <source> (default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <source>No destinations yet: Add… one for Slack, DingTalk, Feishu, WeCom, Teams, Mattermost, Telegram, Discord or any webhook.</source>
        <translation>尚无转发目标：点击“添加…”，为 Slack、钉钉、飞书、企业微信、Teams、Mattermost、Telegram、Discord 或任意 Webhook 添加一个。</translation>
    </message>
    <message>
        <source>Sending a test message to %1…</source>
        <translation>正在向 %1 发送测试消息…</translation>
    </message>
    <message>
        <source>AlertDeck test message</source>
        <translation>AlertDeck 测试消息</translation>
    </message>
    <message>
        <source>If you can read this, AlertDeck can forward alerts to %1.</source>
        <translation>如果你能看到这条消息，说明 AlertDeck 可以将告警转发到 %1。</translation>
    </message>
    <message>
        <source>No webhook URL or token is stored for %1: choose Edit… and paste it.</source>
        <translation>尚未为 %1 保存 Webhook URL 或令牌：请点击“编辑…”并粘贴。</translation>
    </message>
</context>
<context>
    <name>DetailTabs</name>
    <message>
        <source>&amp;Overview</source>
        <translation>概览(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Metrics</source>
        <translation>指标(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Logs</source>
        <translation>日志(&amp;L)</translation>
    </message>
    <message>
        <source>Hi&amp;story</source>
        <translation>历史(&amp;S)</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>持续时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Analysed</source>
        <translation>分析时间</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Started by</source>
        <translation>发起者</translation>
    </message>
    <message>
        <source>Select an analysis to show it in the AI analysis panel.</source>
        <translation>选择一条分析以在 AI 分析面板中显示。</translation>
    </message>
    <message>
        <source>Occurrences</source>
        <translation>发生记录</translation>
    </message>
    <message>
        <source>AI analyses</source>
        <translation>AI 分析</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>you</source>
        <translation>你</translation>
    </message>
    <message>
        <source>Demo alerts are not stored, so they have no earlier occurrences or saved analyses.</source>
        <translation>演示告警不会被存储，因此没有之前的发生记录或已保存的分析。</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>发送时间</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>转发目标</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>Sent by</source>
        <translation>发送者</translation>
    </message>
    <message>
        <source>Forwards</source>
        <translation>转发记录</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>included</source>
        <translation>已附带</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Earlier occurrences, AI analyses and forwards of the selected alert are listed here.</source>
        <translation>此处列出所选告警之前的发生记录、AI 分析和转发记录。</translation>
    </message>
    <message>
        <source>Replayed alerts are kept apart from live ones: their history stays in the replay session.</source>
        <translation>回放的告警与实时告警分开保存：其历史保留在回放会话中。</translation>
    </message>
    <message>
        <source>Select the alert the analysis is about to see %1.</source>
        <translation>请选择该分析所针对的告警，以查看 %1。</translation>
    </message>
    <message>
        <source>%1: the alert is not muted now; the silence the analysis saw has ended.</source>
        <translation>%1：该告警当前未被屏蔽；分析时看到的静默已结束。</translation>
    </message>
    <message>
        <source>%1: the alert has no “%2” now (it changed since the analysis).</source>
        <translation>%1：该告警当前没有“%2”（分析之后已有变化）。</translation>
    </message>
    <message>
        <source>%1: the metrics are not loaded yet; click it again once they are.</source>
        <translation>%1：指标尚未加载；加载完成后请再次点击。</translation>
    </message>
    <message>
        <source>%1: its chart is not among those shown now (the metric queries changed since the analysis).</source>
        <translation>%1：其图表不在当前显示的图表中（分析之后指标查询已更改）。</translation>
    </message>
    <message>
        <source>%1: the chart is loading; its point is marked when it arrives.</source>
        <translation>%1：图表正在加载；数据到达后会标出该数据点。</translation>
    </message>
    <message>
        <source>%1: its series is not in the chart now; the chart is shown.</source>
        <translation>%1：其序列当前不在图表中；已显示该图表。</translation>
    </message>
    <message>
        <source>%1&apos;s point at %2 is outside the shown window — showing the alert&apos;s window</source>
        <translation>%1 在 %2 的数据点不在当前显示的时间窗口内 — 正在显示告警的时间窗口</translation>
    </message>
    <message>
        <source>%1&apos;s point at %2 is outside the alert&apos;s window; its series is emphasised.</source>
        <translation>%1 在 %2 的数据点不在告警的时间窗口内；已突出显示其序列。</translation>
    </message>
    <message>
        <source>%1: the log lines are not loaded yet; its line is selected when they arrive.</source>
        <translation>%1：日志行尚未加载；日志行到达后会选中该行。</translation>
    </message>
    <message>
        <source>%1&apos;s line at %2 is outside the shown window — showing the alert&apos;s window</source>
        <translation>%1 在 %2 的日志行不在当前显示的时间窗口内 — 正在显示告警的时间窗口</translation>
    </message>
    <message>
        <source>%1&apos;s line at %2 is not among the lines loaded now; showing the lines around its time.</source>
        <translation>%1 在 %2 的日志行不在当前已加载的日志行中；正在显示该时间前后的日志行。</translation>
    </message>
    <message>
        <source>%1: that occurrence is not in this alert&apos;s history here.</source>
        <translation>%1：此处该告警的历史中没有那次发生记录。</translation>
    </message>
    <message>
        <source>%1 is an earlier incident like this one: see “Seen before” beside the Overview.</source>
        <translation>%1 是一次与此相似的历史事件：请看概览旁的“以前见过”。</translation>
    </message>
    <message>
        <source>&amp;Incident charts</source>
        <translation>事件图表(&amp;I)</translation>
    </message>
    <message>
        <source>The headline metric of each alert of the selected incident, together</source>
        <translation>所选事件中每条告警的主要指标，放在一起</translation>
    </message>
</context>
<context>
    <name>DingTalkTool</name>
    <message>
        <source> — DingTalk rejected the signature or keyword: check the signing secret, the robot&apos;s security settings and this machine&apos;s clock</source>
        <translation> — 钉钉拒绝了签名或关键词：请检查加签密钥、机器人的安全设置和本机时钟</translation>
    </message>
    <message>
        <source> — the robot&apos;s token is invalid: copy the webhook URL again</source>
        <translation> — 机器人的 token 无效：请重新复制 Webhook URL</translation>
    </message>
    <message>
        <source> — the robot sends at most 20 messages a minute</source>
        <translation> — 该机器人每分钟最多发送 20 条消息</translation>
    </message>
</context>
<context>
    <name>DiscordTool</name>
    <message>
        <source>Sent from AlertDeck</source>
        <translation>由 AlertDeck 发送</translation>
    </message>
</context>
<context>
    <name>EnvironmentSecretStore</name>
    <message>
        <source>Cannot read the secret file %1: %2</source>
        <translation>无法读取密钥文件 %1：%2</translation>
    </message>
    <message>
        <source>In headless mode secrets come from %1 or --secret %2=@FILE; they cannot be changed here.</source>
        <translation>无窗口运行时密钥来自 %1 或 --secret %2=@FILE；无法在此修改。</translation>
    </message>
    <message>
        <source>environment variables and --secret files</source>
        <translation>环境变量和 --secret 文件</translation>
    </message>
    <message>
        <source>The secret file %1 is empty; an empty secret is no secret.</source>
        <translation>密钥文件 %1 是空的；空密钥起不到保密作用。</translation>
    </message>
</context>
<context>
    <name>EvidenceChips</name>
    <message>
        <source>%1 is not in this analysis&apos;s evidence</source>
        <translation>%1 不在本次分析的证据中</translation>
    </message>
    <message>
        <source>%1 · %2
%3
Click to show it</source>
        <translation>%1 · %2
%3
点击以显示</translation>
    </message>
    <message>
        <source>unsupported</source>
        <translation>无依据</translation>
    </message>
    <message>
        <source>This sentence states a cause without citing evidence.</source>
        <translation>此句陈述了原因，但没有引用证据。</translation>
    </message>
    <message>
        <source>%1 · %2
%3
Click to see “Seen before” on the Overview</source>
        <translation>%1 · %2
%3
点击查看概览中的“以前见过”</translation>
    </message>
</context>
<context>
    <name>EvidenceSet</name>
    <message>
        <source>alert field</source>
        <translation>告警字段</translation>
    </message>
    <message>
        <source>annotation</source>
        <translation>注解</translation>
    </message>
    <message>
        <source>metric series</source>
        <translation>指标序列</translation>
    </message>
    <message>
        <source>log line group</source>
        <translation>日志行分组</translation>
    </message>
    <message>
        <source>log line</source>
        <translation>日志行</translation>
    </message>
    <message>
        <source>earlier occurrence</source>
        <translation>先前的发生记录</translation>
    </message>
    <message>
        <source>silence</source>
        <translation>静默</translation>
    </message>
    <message>
        <source>The stored evidence is too large to read (%L1 bytes; at most %L2).</source>
        <translation>存储的证据过大，无法读取（%L1 字节；最多 %L2）。</translation>
    </message>
    <message>
        <source>The stored evidence is not valid JSON (%1).</source>
        <translation>存储的证据不是有效的 JSON（%1）。</translation>
    </message>
    <message>
        <source>The stored evidence has format version %1; this AlertDeck reads version %2.</source>
        <translation>存储的证据格式版本为 %1；此版本的 AlertDeck 读取版本 %2。</translation>
    </message>
    <message>
        <source>The stored evidence has %L1 items; at most %L2 are read.</source>
        <translation>存储的证据有 %L1 条；最多读取 %L2 条。</translation>
    </message>
    <message>
        <source>The stored evidence is damaged: item %1 has no valid id or kind.</source>
        <translation>存储的证据已损坏：第 %1 条没有有效的 ID 或类型。</translation>
    </message>
    <message>
        <source>earlier incident</source>
        <translation>历史事件</translation>
    </message>
    <message>
        <source>related alert</source>
        <translation>相关告警</translation>
    </message>
</context>
<context>
    <name>FeishuTool</name>
    <message>
        <source> — Feishu rejected the signature: check the signing secret and this machine&apos;s clock</source>
        <translation> — 飞书拒绝了签名：请检查签名密钥和本机时钟</translation>
    </message>
    <message>
        <source> — the bot only accepts messages from allowed IP addresses</source>
        <translation> — 该机器人只接收来自白名单 IP 地址的消息</translation>
    </message>
    <message>
        <source> — the bot limits how often it accepts messages</source>
        <translation> — 该机器人限制了接收消息的频率</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Filter (Ctrl+F): words, or matchers such as severity=&quot;critical&quot; instance=~&quot;db-.*&quot;</source>
        <translation>过滤 (Ctrl+F)：关键词，或匹配器，如 severity=&quot;critical&quot; instance=~&quot;db-.*&quot;</translation>
    </message>
    <message>
        <source>Free words match the name, summary, target and label values.
Matchers work like Alertmanager&apos;s: name=&quot;v&quot;, name!=&quot;v&quot;, name=~&quot;regex&quot;, name!~&quot;regex&quot;.</source>
        <translation>关键词匹配名称、摘要、目标和标签值。
匹配器与 Alertmanager 相同：name=&quot;v&quot;、name!=&quot;v&quot;、name=~&quot;regex&quot;、name!~&quot;regex&quot;。</translation>
    </message>
    <message>
        <source>Firing</source>
        <translation>触发中</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已恢复</translation>
    </message>
    <message numerus="yes">
        <source>%n hidden by the filter</source>
        <translation>
            <numerusform>过滤隐藏了 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>Replayed</source>
        <translation>回放</translation>
    </message>
    <message>
        <source>Show alerts from replay sessions beside the live ones</source>
        <translation>在实时告警旁显示回放会话中的告警</translation>
    </message>
    <message>
        <source>Search older history</source>
        <translation>搜索更早的历史</translation>
    </message>
    <message>
        <source>Searching older history…</source>
        <translation>正在搜索更早的历史…</translation>
    </message>
    <message numerus="yes">
        <source>The table holds firing alerts and those resolved within the last %n hours. Look for older resolved alerts matching this filter in the store.</source>
        <translation>
            <numerusform>表格中只有触发中的告警和最近 %n 小时内恢复的告警。在存储中查找与此筛选条件匹配的更早的已恢复告警。</numerusform>
        </translation>
    </message>
    <message>
        <source>The older history could not be searched: %1</source>
        <translation>无法搜索更早的历史：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n older alerts added from the store; there are more: narrow the filter to see them.</source>
        <translation>
            <numerusform>已从存储中添加 %n 条更早的告警；还有更多：请缩小筛选条件查看。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n older alerts added from the store</source>
        <translation>
            <numerusform>已从存储中添加 %n 条更早的告警</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FollowUpInput</name>
    <message>
        <source>with fresh data</source>
        <translation>使用最新数据</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>提问</translation>
    </message>
    <message>
        <source>Ask a follow-up…</source>
        <translation>继续追问…</translation>
    </message>
    <message>
        <source>Gather the alert&apos;s metrics, logs and history again for this question</source>
        <translation>为这个问题重新获取该告警的指标、日志和历史记录</translation>
    </message>
    <message>
        <source>Send the question (Enter; Shift+Enter starts a new line)</source>
        <translation>发送问题（Enter；Shift+Enter 换行）</translation>
    </message>
</context>
<context>
    <name>ForwardCommand</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>No chat destination is set up: add one in Settings → Chat destinations.</source>
        <translation>尚未配置转发目标：请在“设置 → 转发目标”中添加。</translation>
    </message>
    <message>
        <source>No chat destination is called &quot;%1&quot;; there are: %2.</source>
        <translation>没有名为“%1”的转发目标；现有：%2。</translation>
    </message>
    <message>
        <source>The analysis was cut to fit the tool&apos;s size limit.</source>
        <translation>分析已截断以符合该工具的大小限制。</translation>
    </message>
    <message>
        <source>Scripts can set %1 instead.</source>
        <translation>脚本也可以改为设置 %1。</translation>
    </message>
</context>
<context>
    <name>ForwardController</name>
    <message>
        <source>Forwarding rule held back %1 for %2: hourly limit reached</source>
        <translation>转发规则暂缓了 %1（发往 %2）：已达到每小时上限</translation>
    </message>
    <message>
        <source> — default</source>
        <translation> — 默认</translation>
    </message>
    <message>
        <source>No chat destinations yet</source>
        <translation>尚无转发目标</translation>
    </message>
    <message>
        <source>&amp;Preview before sending…</source>
        <translation>发送前预览(&amp;P)…</translation>
    </message>
    <message>
        <source>Chat &amp;destinations…</source>
        <translation>转发目标(&amp;D)…</translation>
    </message>
    <message>
        <source>Open Settings</source>
        <translation>打开设置</translation>
    </message>
    <message>
        <source>No chat destination is set up yet: add Slack, DingTalk, Feishu, WeCom, Teams or another tool in Settings → Chat destinations.</source>
        <translation>尚未配置转发目标：请在“设置 → 转发目标”中添加 Slack、钉钉、飞书、企业微信、Teams 或其他工具。</translation>
    </message>
    <message>
        <source>Forwarded %1 to %2</source>
        <translation>已将 %1 转发到 %2</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>A forwarding rule could not send %1 to %2: %3</source>
        <translation>转发规则未能将 %1 发送到 %2：%3</translation>
    </message>
    <message>
        <source>Forwarding %1 to %2 failed: %3</source>
        <translation>将 %1 转发到 %2 失败：%3</translation>
    </message>
    <message>
        <source>Forward to %1 failed</source>
        <translation>转发到 %1 失败</translation>
    </message>
    <message numerus="yes">
        <source>Forwarded %1 and %n related to %2</source>
        <translation>
            <numerusform>已将 %1 及 %n 条相关告警转发到 %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Forwarding rule: %1 goes to %2 once its analysis is done</source>
        <translation>转发规则：%1 将在其分析完成后发送到 %2</translation>
    </message>
</context>
<context>
    <name>ForwardMessage</name>
    <message>
        <source>RESOLVED</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>FIRING</source>
        <translation>触发中</translation>
    </message>
    <message>
        <source>[%1] %2 on %3</source>
        <translation>[%1] %2（%3）</translation>
    </message>
    <message>
        <source>Alert rule</source>
        <translation>告警规则</translation>
    </message>
    <message>
        <source>Prometheus</source>
        <translation>Prometheus</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>仪表盘</translation>
    </message>
    <message>
        <source>Runbook</source>
        <translation>处理手册</translation>
    </message>
    <message>
        <source>Silence</source>
        <translation>静默</translation>
    </message>
    <message>
        <source>[REPLAY] %1</source>
        <translation>[回放] %1</translation>
    </message>
    <message>
        <source>Top hypothesis:</source>
        <translation>首要假设：</translation>
    </message>
    <message>
        <source>%1, %2 % confidence: %3</source>
        <translation>%1，置信度 %2 %：%3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n related</source>
        <translation>
            <numerusform>%1 及 %n 条相关告警</numerusform>
        </translation>
    </message>
    <message>
        <source>Related alerts (%1)</source>
        <translation>相关告警（%1）</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>另有 %n 条</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ForwardPreviewDialog</name>
    <message>
        <source>Forward %1</source>
        <translation>转发 %1</translation>
    </message>
    <message>
        <source>Building the message…</source>
        <translation>正在生成消息…</translation>
    </message>
    <message>
        <source>Exact &amp;JSON</source>
        <translation>原始 JSON(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <source>Copy &amp;JSON</source>
        <translation>复制 JSON(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Destination:</source>
        <translation>转发目标(&amp;D)：</translation>
    </message>
    <message>
        <source>the stored webhook URL</source>
        <translation>已保存的 Webhook URL</translation>
    </message>
    <message>
        <source>POST to %1 · %2 bytes</source>
        <translation>POST 到 %1 · %2 字节</translation>
    </message>
    <message>
        <source>The analysis was cut to fit the tool&apos;s size limit; the message says so.</source>
        <translation>分析已截断以符合该工具的大小限制；消息中会注明。</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>消息(&amp;M)</translation>
    </message>
    <message>
        <source>Forward the incident %1</source>
        <translation>转发事件 %1</translation>
    </message>
    <message numerus="yes">
        <source>One message for the incident: %1 and %n related alert(s): %2</source>
        <translation>
            <numerusform>为该事件发送一条消息：%1 及 %n 条相关告警：%2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>另有 %n 条</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ForwardRulesEditor</name>
    <message>
        <source>Forwarding rules</source>
        <translation>转发规则</translation>
    </message>
    <message>
        <source>Remove rule</source>
        <translation>删除规则</translation>
    </message>
    <message>
        <source>Alerts matching</source>
        <translation>匹配的告警</translation>
    </message>
    <message>
        <source>Send to</source>
        <translation>发送到</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>添加规则</translation>
    </message>
    <message>
        <source> per hour at most</source>
        <translation> 次/小时</translation>
    </message>
    <message>
        <source>Limit:</source>
        <translation>上限：</translation>
    </message>
    <message>
        <source>Matchers as in the filter bar, e.g. severity=&quot;critical&quot; team=~&quot;db.*&quot;</source>
        <translation>与过滤栏相同的匹配器，例如 severity=&quot;critical&quot; team=~&quot;db.*&quot;</translation>
    </message>
    <message>
        <source>Rule %1 has no matcher: say which alerts it forwards, e.g. severity=&quot;critical&quot;.</source>
        <translation>规则 %1 没有匹配器：请指明要转发哪些告警，例如 severity=&quot;critical&quot;。</translation>
    </message>
    <message>
        <source>Rule %1: %2</source>
        <translation>规则 %1：%2</translation>
    </message>
    <message>
        <source>Rule %1 has no destination: add one above first.</source>
        <translation>规则 %1 没有转发目标：请先在上方添加一个。</translation>
    </message>
    <message>
        <source>New firing alerts that match a rule are forwarded at once, with their automatic analysis when there is one; each occurrence goes to a destination only once. A rule for incidents sends one message per incident, its alerts listed, once the incident has settled. No rules: nothing is forwarded automatically.</source>
        <translation>匹配规则的新触发告警会立即转发，有自动分析时一并附上；每次发生只发往同一目标一次。针对事件的规则在事件稳定后每个事件只发送一条消息，并列出其告警。没有规则：不自动转发任何内容。</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>转发对象</translation>
    </message>
    <message>
        <source>Each alert</source>
        <translation>每条告警</translation>
    </message>
    <message>
        <source>Each incident, once</source>
        <translation>每个事件一次</translation>
    </message>
    <message>
        <source>Every matching alert that starts firing is one message.</source>
        <translation>每条开始触发的匹配告警各发一条消息。</translation>
    </message>
    <message>
        <source>The incident a matching alert belongs to is one message, sent once, with its other alerts listed.</source>
        <translation>匹配告警所属的事件只发送一条消息，并列出其其他告警。</translation>
    </message>
</context>
<context>
    <name>ForwardService</name>
    <message>
        <source>Preparing the message for %1…</source>
        <translation>正在为 %1 准备消息…</translation>
    </message>
    <message numerus="yes">
        <source>%1 — retrying in %n s (try %2 of %3)…</source>
        <translation>
            <numerusform>%1 — %n 秒后重试（第 %2 次，共 %3 次）…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Waiting for %1&apos;s rate limit: sending in %n s…</source>
        <translation>
            <numerusform>等待 %1 的频率限制：%n 秒后发送…</numerusform>
        </translation>
    </message>
    <message>
        <source>Queued for %1…</source>
        <translation>已排队等待发送到 %1…</translation>
    </message>
    <message>
        <source>Sending to %1…</source>
        <translation>正在发送到 %1…</translation>
    </message>
    <message>
        <source>Forwarded to %1: %2</source>
        <translation>已转发到 %1：%2</translation>
    </message>
    <message>
        <source>Forward to %1 failed: %2</source>
        <translation>转发到 %1 失败：%2</translation>
    </message>
    <message>
        <source>Forwards waiting: %1 (%2); next in %3 s</source>
        <translation>等待中的转发：%1（%2）；下一条 %3 秒后发送</translation>
    </message>
    <message>
        <source>No webhook URL or token is stored for %1: add it in Settings → Chat destinations.</source>
        <translation>未保存 %1 的 Webhook URL 或令牌：请在“设置 → 转发目标”中添加。</translation>
    </message>
    <message>
        <source>The webhook URL for %1 could not be read: %2</source>
        <translation>无法读取 %1 的 Webhook URL：%2</translation>
    </message>
    <message>
        <source>That destination no longer exists.</source>
        <translation>该转发目标已不存在。</translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation>不是有效的 JSON：%1</translation>
    </message>
    <message>
        <source>not a JSON array of rules</source>
        <translation>不是规则的 JSON 数组</translation>
    </message>
    <message>
        <source>rule %1: the target &quot;%2&quot; is not one of alert, incident</source>
        <translation>规则 %1：对象“%2”不是 alert、incident 之一</translation>
    </message>
    <message>
        <source>The incident has no alerts left.</source>
        <translation>该事件已没有告警。</translation>
    </message>
</context>
<context>
    <name>FreedesktopNotifier</name>
    <message numerus="yes">
        <source>%n alert(s) firing</source>
        <translation>
            <numerusform>%n 条告警触发</numerusform>
        </translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
</context>
<context>
    <name>HandoverForwarder</name>
    <message>
        <source>No keychain is available to read the address of %1.</source>
        <translation>没有可用的钥匙串，无法读取 %1 的地址。</translation>
    </message>
    <message>
        <source>No webhook URL or token is stored for %1: add it in Settings → Chat destinations.</source>
        <translation>没有为 %1 保存 Webhook URL 或令牌：请在“设置 → 转发目标”中添加。</translation>
    </message>
    <message>
        <source>The webhook URL for %1 could not be read: %2</source>
        <translation>无法读取 %1 的 Webhook URL：%2</translation>
    </message>
</context>
<context>
    <name>HandoverReport</name>
    <message>
        <source>from an occurrence&apos;s start to its end, over the occurrences that ended (resolved) in the window</source>
        <translation>从一次发生的开始到结束，统计在时间窗口内结束（恢复）的发生</translation>
    </message>
    <message>
        <source>from an occurrence&apos;s start to the start of the first Alertmanager silence or acknowledgement whose matchers select the alert and that began while it fired; occurrences that started in the window; a silence made before the occurrence began does not count</source>
        <translation>从一次发生的开始，到第一个匹配条件选中该告警、且在其触发期间开始的 Alertmanager 静默或确认的开始；统计在时间窗口内开始的发生；发生开始之前创建的静默不计</translation>
    </message>
    <message>
        <source>occurrences that started in the window</source>
        <translation>在时间窗口内开始的发生</translation>
    </message>
    <message>
        <source>occurrences that ended (resolved) in the window</source>
        <translation>在时间窗口内结束（恢复）的发生</translation>
    </message>
    <message>
        <source>occurrences started before the window&apos;s end and not resolved by then; age = window end − start</source>
        <translation>在时间窗口结束前开始且到那时仍未恢复的发生；时长 = 窗口结束 − 开始</translation>
    </message>
    <message>
        <source>alert rules ranked by occurrences started in the window, then by starts and ends per hour</source>
        <translation>告警规则按时间窗口内开始的发生次数排序，其次按每小时开始和结束次数</translation>
    </message>
    <message>
        <source>nearest rank: the median is the ⌈n/2⌉-th smallest value, p90 the ⌈0.9·n⌉-th</source>
        <translation>最近秩法：中位数是第 ⌈n/2⌉ 小的值，p90 是第 ⌈0.9·n⌉ 小的值</translation>
    </message>
    <message>
        <source>The report was cancelled.</source>
        <translation>报告已取消。</translation>
    </message>
    <message>
        <source>Cannot read the alert store: %1</source>
        <translation>无法读取告警存储：%1</translation>
    </message>
    <message>
        <source>no answer (%1): %2</source>
        <translation>无应答（%1）：%2</translation>
    </message>
    <message>
        <source>Alertmanager was not asked for its silences.</source>
        <translation>没有向 Alertmanager 查询静默。</translation>
    </message>
    <message>
        <source>The report&apos;s window must start before it ends.</source>
        <translation>报告的时间窗口必须先开始后结束。</translation>
    </message>
    <message>
        <source>incidents as AlertDeck grouped the alerts when they arrived, with an alert still firing at the window&apos;s end; members = their alerts started by then; age = window end − the first member&apos;s start; the title names the first member with the worst severity</source>
        <translation>AlertDeck 在告警到达时归组而成的事件，且在时间窗结束时仍有告警在触发；成员 = 截至那时已开始的告警；时长 = 时间窗结束 − 第一个成员的开始时间；标题取最严重级别中的第一个成员</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n related</source>
        <translation>
            <numerusform>%1 及 %n 条相关告警</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HandoverReportDialog</name>
    <message>
        <source>Build report</source>
        <translation>生成报告</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export Markdown…</source>
        <translation>导出 Markdown…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Handover report</source>
        <translation>交接班报告</translation>
    </message>
    <message>
        <source>Since the last report</source>
        <translation>自上次报告以来</translation>
    </message>
    <message>
        <source>Last 12 hours</source>
        <translation>最近 12 小时</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Window:</source>
        <translation>时间窗口：</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Send to:</source>
        <translation>发送到：</translation>
    </message>
    <message>
        <source>Building the report…</source>
        <translation>正在生成报告…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Report for %1.</source>
        <translation>%1 的报告。</translation>
    </message>
    <message>
        <source>No chat destination is set up (Settings → Chat destinations).</source>
        <translation>尚未设置转发目标（设置 → 转发目标）。</translation>
    </message>
    <message>
        <source>There is no report to export yet.</source>
        <translation>还没有可导出的报告。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Sending the report to %1…</source>
        <translation>正在将报告发送到 %1…</translation>
    </message>
    <message>
        <source>That chat destination no longer exists.</source>
        <translation>该转发目标已不存在。</translation>
    </message>
    <message>
        <source>Export Markdown</source>
        <translation>导出 Markdown</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>HandoverReportText</name>
    <message>
        <source>Window: %1</source>
        <translation>时间窗口：%1</translation>
    </message>
    <message>
        <source>Handover report</source>
        <translation>交接班报告</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… 还有 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>**%1** until %2</source>
        <translation>**%1** 至 %2</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>某人</translation>
    </message>
    <message>
        <source>Nothing to measure in this window.</source>
        <translation>此时间窗口内没有可统计的数据。</translation>
    </message>
    <message numerus="yes">
        <source>Median %1, p90 %2, over %n occurrence(s).</source>
        <translation>
            <numerusform>中位数 %1，p90 %2，共 %n 次发生。</numerusform>
        </translation>
    </message>
    <message>
        <source>Definition: %1. Percentiles: %2.</source>
        <translation>定义：%1。百分位：%2。</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>%1 → %2 (%3)</source>
        <translation>%1 → %2（%3）</translation>
    </message>
    <message>
        <source>Handover report, %1</source>
        <translation>交接班报告，%1</translation>
    </message>
    <message>
        <source>Nothing fired, resolved or stayed open in this window, and no analysis was made.</source>
        <translation>此时间窗口内没有告警触发、恢复或持续未恢复，也没有进行分析。</translation>
    </message>
    <message numerus="yes">
        <source>Still open (%n alert(s), </source>
        <translation>
            <numerusform>仍未恢复（%n 条告警，</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n incident(s))</source>
        <translation>
            <numerusform>属于 %n 个事件）</numerusform>
        </translation>
    </message>
    <message>
        <source>Still open (%1)</source>
        <translation>仍未恢复（%1）</translation>
    </message>
    <message>
        <source>Definition: %1.</source>
        <translation>定义：%1。</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>位于 %1</translation>
    </message>
    <message>
        <source>open %1, since %2</source>
        <translation>已持续 %1，自 %2 起</translation>
    </message>
    <message>
        <source>Fired and resolved</source>
        <translation>触发与恢复</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重级别</translation>
    </message>
    <message>
        <source>Fired</source>
        <translation>触发</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>%1: %2 fired, %3 resolved</source>
        <translation>%1：触发 %2，恢复 %3</translation>
    </message>
    <message>
        <source>Total: %1 fired, %2 resolved</source>
        <translation>合计：触发 %1，恢复 %2</translation>
    </message>
    <message>
        <source>Fired: %1. Resolved: %2.</source>
        <translation>触发：%1。恢复：%2。</translation>
    </message>
    <message>
        <source>Time to acknowledge</source>
        <translation>确认用时</translation>
    </message>
    <message>
        <source>Not measured: %1</source>
        <translation>未统计：%1</translation>
    </message>
    <message>
        <source>Measured over the first %1 alerts of the window.</source>
        <translation>仅统计了时间窗口内的前 %1 条告警。</translation>
    </message>
    <message>
        <source>Time to resolve</source>
        <translation>恢复用时</translation>
    </message>
    <message>
        <source>Acknowledgements and silences</source>
        <translation>确认与静默</translation>
    </message>
    <message>
        <source>Acknowledgements (%1)</source>
        <translation>确认（%1）</translation>
    </message>
    <message>
        <source>Silences (%1)</source>
        <translation>静默（%1）</translation>
    </message>
    <message>
        <source>Ending in the next 12 hours (%1)</source>
        <translation>未来 12 小时内结束（%1）</translation>
    </message>
    <message>
        <source>Active at some time in the window; acknowledgements are silences with the comment &quot;ack&quot; (AlertDeck&apos;s Acknowledge).</source>
        <translation>在时间窗口内某一时刻生效；确认是注释为“ack”的静默（AlertDeck 的“确认”）。</translation>
    </message>
    <message>
        <source>Resolution notes (%1)</source>
        <translation>处置记录（%1）</translation>
    </message>
    <message>
        <source>This alert store keeps no resolution notes.</source>
        <translation>这个告警存储不保存处置记录。</translation>
    </message>
    <message>
        <source>(started %1): %2</source>
        <translation>（开始于 %1）：%2</translation>
    </message>
    <message>
        <source>link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>Analyses (%1)</source>
        <translation>分析（%1）</translation>
    </message>
    <message>
        <source>Noisiest rules</source>
        <translation>最嘈杂的规则</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message numerus="yes">
        <source>%n firing(s), %1 starts and ends per hour, median duration %2</source>
        <translation>
            <numerusform>触发 %n 次，每小时开始和结束 %1 次，持续时间中位数 %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Open incidents (%1)</source>
        <translation>未结束的事件（%1）</translation>
    </message>
    <message>
        <source>This alert store keeps no incidents (it was written by an older AlertDeck).</source>
        <translation>此告警存储中没有事件（它由较旧版本的 AlertDeck 写入）。</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n alert(s) firing</source>
        <translation>
            <numerusform>%n 条告警中 %1 条在触发</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HttpConnection</name>
    <message>
        <source>webhook ingestion is not available; retry later</source>
        <translation>暂时无法接收 Webhook；请稍后重试</translation>
    </message>
    <message>
        <source>the listener is receiving too many payloads at once; retry later</source>
        <translation>监听器同时接收的推送数据过多；请稍后重试</translation>
    </message>
    <message>
        <source>invalid or missing X-Grafana-Alerting-Signature</source>
        <translation>X-Grafana-Alerting-Signature 缺失或无效</translation>
    </message>
</context>
<context>
    <name>HttpListener</name>
    <message>
        <source>Port %1 is in use</source>
        <translation>端口 %1 已被占用</translation>
    </message>
    <message>
        <source>Cannot listen on %1: %2</source>
        <translation>无法在 %1 上监听：%2</translation>
    </message>
    <message>
        <source>Listening on %1 (reachable from other machines) requires authentication: set a listener token or basic auth</source>
        <translation>在 %1 上监听（其他机器可访问）需要认证：请设置监听令牌或基本认证</translation>
    </message>
    <message>
        <source>HTTPS cannot start: %1</source>
        <translation>无法启动 HTTPS：%1</translation>
    </message>
</context>
<context>
    <name>HttpRequestParser</name>
    <message>
        <source>bare LF in the request head; lines must end with CR LF</source>
        <translation>请求头中有单独的 LF；每行必须以 CR LF 结尾</translation>
    </message>
    <message>
        <source>request header larger than %1 bytes</source>
        <translation>请求头超过 %1 字节</translation>
    </message>
    <message>
        <source>bare CR in the request head</source>
        <translation>请求头中有单独的 CR</translation>
    </message>
    <message>
        <source>folded header lines are not allowed</source>
        <translation>不允许折行的请求头</translation>
    </message>
    <message>
        <source>malformed header line</source>
        <translation>请求头行格式错误</translation>
    </message>
    <message>
        <source>control character in header %1</source>
        <translation>请求头 %1 中含有控制字符</translation>
    </message>
    <message>
        <source>malformed HTTP request line</source>
        <translation>HTTP 请求行格式错误</translation>
    </message>
    <message>
        <source>HTTP version %1 is not supported; use HTTP/1.1</source>
        <translation>不支持 HTTP 版本 %1；请使用 HTTP/1.1</translation>
    </message>
    <message>
        <source>more than one Host header</source>
        <translation>Host 请求头不止一个</translation>
    </message>
    <message>
        <source>an HTTP/1.1 request needs a Host header</source>
        <translation>HTTP/1.1 请求必须带 Host 请求头</translation>
    </message>
    <message>
        <source>Transfer-Encoding given more than once</source>
        <translation>Transfer-Encoding 出现了不止一次</translation>
    </message>
    <message>
        <source>Content-Length given more than once</source>
        <translation>Content-Length 出现了不止一次</translation>
    </message>
    <message>
        <source>Transfer-Encoding is not allowed in an HTTP/1.0 request</source>
        <translation>HTTP/1.0 请求中不允许 Transfer-Encoding</translation>
    </message>
    <message>
        <source>both Content-Length and Transfer-Encoding given</source>
        <translation>同时给出了 Content-Length 和 Transfer-Encoding</translation>
    </message>
    <message>
        <source>chunked applied more than once</source>
        <translation>chunked 编码被重复使用</translation>
    </message>
    <message>
        <source>transfer encoding &quot;%1&quot; is not supported</source>
        <translation>不支持传输编码 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>invalid Content-Length</source>
        <translation>Content-Length 无效</translation>
    </message>
    <message>
        <source>request body of %1 bytes exceeds the limit of %2 bytes</source>
        <translation>请求体 %1 字节，超过上限 %2 字节</translation>
    </message>
    <message>
        <source>malformed chunked body</source>
        <translation>chunked 请求体格式错误</translation>
    </message>
    <message>
        <source>bare LF in the chunked body; lines must end with CR LF</source>
        <translation>chunked 请求体中有单独的 LF；每行必须以 CR LF 结尾</translation>
    </message>
    <message>
        <source>bare CR in the chunked body</source>
        <translation>chunked 请求体中有单独的 CR</translation>
    </message>
    <message>
        <source>malformed chunk size</source>
        <translation>chunk 大小格式错误</translation>
    </message>
    <message>
        <source>request body exceeds the limit of %1 bytes</source>
        <translation>请求体超过上限 %1 字节</translation>
    </message>
    <message>
        <source>request trailer larger than %1 bytes</source>
        <translation>请求尾部（trailer）超过 %1 字节</translation>
    </message>
</context>
<context>
    <name>Hypotheses</name>
    <message>
        <source>Hypothesis %1</source>
        <translation>假设 %1</translation>
    </message>
    <message>
        <source>Hypothesis %1 (“%2”)</source>
        <translation>假设 %1（“%2”）</translation>
    </message>
    <message>
        <source>Hypothesis %1 is not a JSON object; it is left out.</source>
        <translation>假设 %1 不是 JSON 对象，已忽略。</translation>
    </message>
    <message>
        <source>Hypothesis %1 has no title; it is left out.</source>
        <translation>假设 %1 没有标题，已忽略。</translation>
    </message>
    <message>
        <source>%1: the status “%2” is not likely, possible or ruled_out; it is left out.</source>
        <translation>%1：状态“%2”不是 likely、possible 或 ruled_out，已忽略。</translation>
    </message>
    <message>
        <source>%1: the confidence is not a number from 0 to 1; it is shown without one.</source>
        <translation>%1：置信度不是 0 到 1 之间的数字，显示时不带置信度。</translation>
    </message>
    <message>
        <source>The answer lists %1 hypotheses; only the first %2 are shown.</source>
        <translation>回答列出了 %1 个假设；只显示前 %2 个。</translation>
    </message>
    <message>
        <source>The hypotheses block is too long (%L1 characters; at most %L2); it is not shown.</source>
        <translation>假设块过长（%L1 个字符；最多 %L2），不予显示。</translation>
    </message>
    <message>
        <source>The hypotheses block is not valid JSON (%1 at character %2); the answer is shown without the board.</source>
        <translation>假设块不是有效的 JSON（第 %2 个字符处：%1）；回答显示时不带假设面板。</translation>
    </message>
    <message>
        <source>The hypotheses block is not a JSON array of hypotheses; the answer is shown without the board.</source>
        <translation>假设块不是假设的 JSON 数组；回答显示时不带假设面板。</translation>
    </message>
    <message>
        <source>The hypothesis “%1” cites %2, which the evidence does not hold.</source>
        <translation>假设“%1”引用了 %2，但证据中没有该条目。</translation>
    </message>
    <message>
        <source>The stored hypotheses are too large to read.</source>
        <translation>存储的假设过大，无法读取。</translation>
    </message>
    <message>
        <source>The stored hypotheses are damaged (%1).</source>
        <translation>存储的假设已损坏（%1）。</translation>
    </message>
    <message>
        <source>The stored hypotheses are damaged: %1</source>
        <translation>存储的假设已损坏：%1</translation>
    </message>
    <message>
        <source>Likely</source>
        <translation>很可能</translation>
    </message>
    <message>
        <source>Possible</source>
        <translation>可能</translation>
    </message>
    <message>
        <source>Ruled out</source>
        <translation>已排除</translation>
    </message>
    <message>
        <source>%1 (%2 %): %3</source>
        <translation>%1（%2 %）：%3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>HypothesesBoard</name>
    <message>
        <source>Hypotheses</source>
        <translation>假设</translation>
    </message>
    <message numerus="yes">
        <source>%1 (and %n more problem(s))</source>
        <translation>
            <numerusform>%1（另有 %n 个问题）</numerusform>
        </translation>
    </message>
    <message>
        <source>The hypotheses are arriving…</source>
        <translation>正在接收假设…</translation>
    </message>
    <message>
        <source>The model&apos;s confidence in this hypothesis</source>
        <translation>模型对此假设的置信度</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>支持：</translation>
    </message>
    <message>
        <source>Against:</source>
        <translation>反对：</translation>
    </message>
</context>
<context>
    <name>IncidentCharts</name>
    <message>
        <source>Select an incident to see its alerts&apos; charts together.</source>
        <translation>选择一个事件，即可一并查看其告警的图表。</translation>
    </message>
    <message>
        <source>Metrics are not available here.</source>
        <translation>此处没有指标。</translation>
    </message>
    <message numerus="yes">
        <source>The headline metric of the %1 worst of its %n alert(s), on one time axis.</source>
        <translation>
            <numerusform>其 %n 条告警中最严重的 %1 条的主要指标，共用一条时间轴。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The headline metric of each of its %n alert(s), on one time axis.</source>
        <translation>
            <numerusform>其 %n 条告警各自的主要指标，共用一条时间轴。</numerusform>
        </translation>
    </message>
    <message>
        <source>no metric to chart for this alert</source>
        <translation>此告警没有可绘制的指标</translation>
    </message>
</context>
<context>
    <name>IncidentList</name>
    <message>
        <source>Cannot read the incidents from the alert store: %1</source>
        <translation>无法从告警存储读取事件：%1</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n related</source>
        <translation>
            <numerusform>%1 及 %n 条相关告警</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IncidentRules</name>
    <message>
        <source>The scope “%1” joins more than %2 labels.</source>
        <translation>范围“%1”组合了超过 %2 个标签。</translation>
    </message>
    <message>
        <source>The scope “%1” offers more than %2 alternatives for one label.</source>
        <translation>范围“%1”为同一个标签给出了超过 %2 个备选项。</translation>
    </message>
    <message>
        <source>“%1” in the scope “%2” is not a label name.</source>
        <translation>范围“%2”中的“%1”不是标签名。</translation>
    </message>
    <message>
        <source>At most %1 scopes can be given.</source>
        <translation>最多只能指定 %1 个范围。</translation>
    </message>
</context>
<context>
    <name>IncidentTableModel</name>
    <message numerus="yes">
        <source>%1 and %n related</source>
        <translation>
            <numerusform>%1 及 %n 条相关告警</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>firing (%n alert(s))</source>
        <translation>
            <numerusform>触发中（%n 条告警）</numerusform>
        </translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重级别</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>IncidentTimeline</name>
    <message>
        <source>Incident timeline</source>
        <translation>事件时间线</translation>
    </message>
    <message>
        <source>No alerts in this incident.</source>
        <translation>此事件中没有告警。</translation>
    </message>
    <message numerus="yes">
        <source>and %n more alert(s)</source>
        <translation>
            <numerusform>以及另外 %n 条告警</numerusform>
        </translation>
    </message>
    <message>
        <source>still firing</source>
        <translation>仍在触发</translation>
    </message>
    <message>
        <source>resolved %1</source>
        <translation>%1 恢复</translation>
    </message>
    <message>
        <source>%1
started %2, %3</source>
        <translation>%1
开始于 %2，%3</translation>
    </message>
</context>
<context>
    <name>IncidentsCommand</name>
    <message>
        <source>No incidents started since %1.</source>
        <translation>自 %1 以来没有开始的事件。</translation>
    </message>
    <message>
        <source>Incidents started since %1: %2, newest first.</source>
        <translation>自 %1 以来开始的事件：%2 个，最新的在前。</translation>
    </message>
    <message>
        <source>Started (UTC)</source>
        <translation>开始时间（UTC）</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重级别</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>firing</source>
        <translation>触发中</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>%1 more not listed</source>
        <translation>另有 %1 个未列出</translation>
    </message>
    <message>
        <source>%1 more not listed (at most %2 are; give a later --since).</source>
        <translation>另有 %1 个未列出（最多列出 %2 个；请给出更晚的 --since）。</translation>
    </message>
</context>
<context>
    <name>IncidentsView</name>
    <message>
        <source>&amp;Merge incidents</source>
        <translation>合并事件(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Split out of incident</source>
        <translation>从事件中拆出(&amp;S)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <source>Join the selected incidents into one (Ctrl+Shift+M). Kept across restarts.</source>
        <translation>将所选事件合并为一个（Ctrl+Shift+M）。重启后仍然保留。</translation>
    </message>
    <message>
        <source>Ctrl+Shift+X</source>
        <translation>Ctrl+Shift+X</translation>
    </message>
    <message>
        <source>Move the selected alert into an incident of its own (Ctrl+Shift+X). Kept across restarts.</source>
        <translation>将所选告警移入单独的事件（Ctrl+Shift+X）。重启后仍然保留。</translation>
    </message>
    <message>
        <source>Select an incident to see its alerts over time.</source>
        <translation>选择一个事件，查看其告警随时间的变化。</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>InstantValues</name>
    <message>
        <source>the answer is not Prometheus&apos;s API (HTTP %1)</source>
        <translation>响应不是 Prometheus API 的格式（HTTP %1）</translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1：%2</translation>
    </message>
    <message>
        <source>expected an instant (vector) result, got &quot;%1&quot;</source>
        <translation>应为即时（vector）结果，实际为“%1”</translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message>
        <source>No system keychain found: install and unlock gnome-keyring or KWallet (%1).</source>
        <translation>未找到系统钥匙串：请安装并解锁 gnome-keyring 或 KWallet（%1）。</translation>
    </message>
    <message>
        <source>The keychain refused access: %1</source>
        <translation>钥匙串拒绝访问：%1</translation>
    </message>
    <message>
        <source>The keychain failed: %1</source>
        <translation>钥匙串出错：%1</translation>
    </message>
    <message>
        <source>the system keychain</source>
        <translation>系统钥匙串</translation>
    </message>
</context>
<context>
    <name>LabelMapFile</name>
    <message>
        <source># Loki label map (the first group whose labels the alert has wins; the first group was saved from the Logs tab).</source>
        <translation># Loki 标签映射（使用第一个其标签告警全部具有的组；第一组保存自日志标签页）。</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>ListenAddress</name>
    <message>
        <source>The listen address is empty; expected HOST:PORT, for example 127.0.0.1:9095.</source>
        <translation>监听地址为空；应为 主机:端口，例如 127.0.0.1:9095。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid listen address; write IPv6 addresses as [::1]:9095.</source>
        <translation>&quot;%1&quot; 不是有效的监听地址；IPv6 地址请写作 [::1]:9095。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no port; expected HOST:PORT, for example 127.0.0.1:9095.</source>
        <translation>&quot;%1&quot; 缺少端口；应为 主机:端口，例如 127.0.0.1:9095。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid port; use a number from 0 to 65535.</source>
        <translation>&quot;%1&quot; 不是有效端口；请使用 0 到 65535 之间的数字。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address; use an address such as 127.0.0.1, 0.0.0.0 or ::1.</source>
        <translation>&quot;%1&quot; 不是 IP 地址；请使用 127.0.0.1、0.0.0.0 或 ::1 等地址。</translation>
    </message>
</context>
<context>
    <name>ListenerAuth</name>
    <message>
        <source>The listener&apos;s basic auth user &quot;%1&quot; has no password. An empty password is no protection: set a password or remove the user.</source>
        <translation>监听器的 Basic 认证用户“%1”没有密码。空密码起不到保护作用：请设置密码或删除该用户。</translation>
    </message>
</context>
<context>
    <name>ListenerPage</name>
    <message>
        <source>Listener</source>
        <translation>监听</translation>
    </message>
    <message>
        <source>127.0.0.1 accepts webhooks from this machine only; 0.0.0.0 from every network.</source>
        <translation>127.0.0.1 仅接收本机的 Webhook；0.0.0.0 接收来自所有网络的 Webhook。</translation>
    </message>
    <message>
        <source>optional, e.g. X-Grafana-Alerting-Signature-Timestamp</source>
        <translation>可选，例如 X-Grafana-Alerting-Signature-Timestamp</translation>
    </message>
    <message>
        <source>empty: plain HTTP</source>
        <translation>留空：使用普通 HTTP</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>⚠ Other machines will be able to reach this console. Webhooks must then carry the token or the Basic credentials below; prefer HTTPS.</source>
        <translation>⚠ 其他机器将能够访问此控制台。此时 Webhook 必须携带下方的令牌或 Basic 凭据；建议使用 HTTPS。</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Who may post</source>
        <translation>推送权限</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer 令牌</translation>
    </message>
    <message>
        <source>Basic auth user</source>
        <translation>Basic 认证用户名</translation>
    </message>
    <message>
        <source>Basic auth password</source>
        <translation>Basic 认证密码</translation>
    </message>
    <message>
        <source>Grafana HMAC secret</source>
        <translation>Grafana HMAC 密钥</translation>
    </message>
    <message>
        <source>Grafana timestamp header</source>
        <translation>Grafana 时间戳请求头</translation>
    </message>
    <message>
        <source>HTTPS</source>
        <translation>HTTPS</translation>
    </message>
    <message>
        <source>Certificate (PEM)</source>
        <translation>证书（PEM）</translation>
    </message>
    <message>
        <source>TLS certificate</source>
        <translation>TLS 证书</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt);;All files (*)</source>
        <translation>PEM 文件 (*.pem *.crt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Private key (PEM)</source>
        <translation>私钥（PEM）</translation>
    </message>
    <message>
        <source>TLS private key</source>
        <translation>TLS 私钥</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.key);;All files (*)</source>
        <translation>PEM 文件 (*.pem *.key);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>限制</translation>
    </message>
    <message>
        <source>Largest webhook body</source>
        <translation>Webhook 请求体上限</translation>
    </message>
    <message>
        <source>Basic auth needs a password as well as the user.</source>
        <translation>Basic 认证除用户名外还需要密码。</translation>
    </message>
    <message>
        <source>Basic auth needs a user name as well as the password.</source>
        <translation>Basic 认证除密码外还需要用户名。</translation>
    </message>
    <message>
        <source>Listening on %1 (reachable from other machines) requires authentication: set a Bearer token or Basic auth.</source>
        <translation>在 %1 上监听（其他机器可访问）需要认证：请设置 Bearer 令牌或 Basic 认证。</translation>
    </message>
    <message>
        <source>HTTPS needs both the certificate and the private key, or neither for plain HTTP.</source>
        <translation>HTTPS 需要同时提供证书和私钥；使用普通 HTTP 则两者都不填。</translation>
    </message>
    <message>
        <source>A webhook with more alerts is refused (HTTP 413) before any of them is stored. Alertmanager&apos;s max_alerts setting can cap what it sends.</source>
        <translation>告警数超过此值的 Webhook 会被整体拒绝（HTTP 413），其中的告警一条也不会保存。Alertmanager 的 max_alerts 设置可以限制它每次发送的告警数。</translation>
    </message>
    <message>
        <source>Most alerts per webhook</source>
        <translation>每个 Webhook 的告警数上限</translation>
    </message>
    <message>
        <source>none: web pages may not post</source>
        <translation>无：网页不得提交</translation>
    </message>
    <message>
        <source>Alertmanager, Grafana and Nightingale never need this. A request from a web page (it carries an Origin header) is refused unless its origin is listed here, so that no site you visit can post alerts to this console. Separate several with commas, e.g. https://tools.example.org</source>
        <translation>Alertmanager、Grafana 和 Nightingale 从不需要此项。来自网页的请求（带有 Origin 头）除非其来源列在这里，否则会被拒绝，这样你访问的任何网站都无法向本控制台提交告警。多个来源用逗号分隔，例如 https://tools.example.org</translation>
    </message>
    <message>
        <source>Allowed web origins</source>
        <translation>允许的网页来源</translation>
    </message>
</context>
<context>
    <name>ListenerStatusIndicator</name>
    <message>
        <source>Listening on %1</source>
        <translation>正在监听 %1</translation>
    </message>
    <message>
        <source>Port %1 is in use</source>
        <translation>端口 %1 已被占用</translation>
    </message>
    <message>
        <source>Listener error: %1</source>
        <translation>监听错误：%1</translation>
    </message>
    <message>
        <source>Listener stopped</source>
        <translation>监听已停止</translation>
    </message>
    <message>
        <source>Webhook endpoint: %1/webhook</source>
        <translation>Webhook 地址：%1/webhook</translation>
    </message>
</context>
<context>
    <name>LogVolumeHistogram</name>
    <message>
        <source>Log volume</source>
        <translation>日志量</translation>
    </message>
    <message>
        <source>No lines to count</source>
        <translation>没有可统计的日志行</translation>
    </message>
    <message numerus="yes">
        <source>up to %Ln line(s) per %1 min</source>
        <translation>
            <numerusform>每 %1 分最多 %Ln 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>up to %Ln line(s) per %1 s</source>
        <translation>
            <numerusform>每 %1 秒最多 %Ln 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 – %2: %Ln line(s)
%3 error, %4 warning, %5 other</source>
        <translation>
            <numerusform>%1 – %2：%Ln 行
错误 %3，警告 %4，其他 %5</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LogsPane</name>
    <message>
        <source>Find in these lines</source>
        <translation>在这些日志行中查找</translation>
    </message>
    <message>
        <source>Log lines from around the selected alert&apos;s start are shown here.</source>
        <translation>这里显示所选告警开始前后的日志行。</translation>
    </message>
    <message>
        <source>Loading lines from %1 to %2…</source>
        <translation>正在加载 %1 至 %2 的日志行…</translation>
    </message>
    <message>
        <source>Loki: %1</source>
        <translation>Loki：%1</translation>
    </message>
    <message>
        <source>No lines for %1 in this window.</source>
        <translation>此时间窗口内没有 %1 的日志行。</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s), oldest first</source>
        <translation>
            <numerusform>%n 行，按时间从早到晚</numerusform>
        </translation>
    </message>
    <message>
        <source>──── alert started %1 ────</source>
        <translation>──── 告警开始于 %1 ────</translation>
    </message>
    <message>
        <source>Open in Grafana Explore</source>
        <translation>在 Grafana Explore 中打开</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Save as label-map rule</source>
        <translation>保存为标签映射规则</translation>
    </message>
    <message>
        <source>Only error-like lines</source>
        <translation>仅错误类日志</translation>
    </message>
    <message>
        <source>LogQL, e.g. {job=&quot;node&quot;} |= &quot;error&quot;</source>
        <translation>LogQL，如 {job=&quot;node&quot;} |= &quot;error&quot;</translation>
    </message>
    <message>
        <source>The LogQL that fetched these lines. Edit it and press Ctrl+Enter (or Run).</source>
        <translation>获取这些日志行的 LogQL。可编辑后按 Ctrl+Return（或点“运行”）。</translation>
    </message>
    <message>
        <source>Run the query (Ctrl+Enter)</source>
        <translation>运行查询（Ctrl+Return）</translation>
    </message>
    <message>
        <source>Back to the query AlertDeck planned for this alert</source>
        <translation>恢复为 AlertDeck 为此告警规划的查询</translation>
    </message>
    <message>
        <source>Add this mapping to the Loki label map (Settings → Metrics and logs), so it is used first next time.</source>
        <translation>将此映射加入 Loki 标签映射（设置 → 指标与日志），下次优先使用。</translation>
    </message>
    <message>
        <source>Lines at error or warning level, or with words such as error, fail, panic, fatal, critical, warn, kill, OOM, out of memory, timeout or refused</source>
        <translation>错误或警告级别的日志行，或含有 error、fail、panic、fatal、critical、warn、kill、OOM、out of memory、timeout、refused 等词的行</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Streams found by asking Loki with %1 (the label map has no rule for this alert&apos;s labels).</source>
        <translation>通过 %1 向 Loki 查询找到日志流（标签映射中没有适用于此告警标签的规则）。</translation>
    </message>
    <message>
        <source>Streams found by asking Loki with %1; the label map&apos;s %2 finds none.</source>
        <translation>通过 %1 向 Loki 查询找到日志流；标签映射给出的 %2 找不到任何日志流。</translation>
    </message>
    <message>
        <source>Loki found no streams for any selector tried; showing %1 from the label map.</source>
        <translation>所有尝试的选择器在 Loki 中都找不到日志流；显示标签映射给出的 %1。</translation>
    </message>
    <message numerus="yes">
        <source>%n more (hover)</source>
        <translation>
            <numerusform>另有 %n 个（悬停查看）</numerusform>
        </translation>
    </message>
    <message>
        <source>Tried: %1</source>
        <translation>已尝试：%1</translation>
    </message>
    <message>
        <source>Asking Loki which streams hold this alert&apos;s logs…</source>
        <translation>正在向 Loki 查询哪些日志流包含此告警的日志…</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n line(s) are error-like, oldest first</source>
        <translation>
            <numerusform>%n 行中 %1 行为错误类，按时间从早到晚</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved to the label map</source>
        <translation>已保存到标签映射</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Used first for every alert from now on (Settings → Metrics and logs).</source>
        <translation>今后对所有告警优先使用（设置 → 指标与日志）。</translation>
    </message>
    <message>
        <source>Could not save the rule: %1</source>
        <translation>无法保存规则：%1</translation>
    </message>
</context>
<context>
    <name>LokiStreamDiscovery</name>
    <message>
        <source>%1: not asked (tried %2 already)</source>
        <translation>%1：未查询（已尝试过 %2）</translation>
    </message>
    <message>
        <source>%1: no streams in this window</source>
        <translation>%1：此时间窗口内没有日志流</translation>
    </message>
    <message>
        <source>%1: Loki has no label %2 in this window</source>
        <translation>%1：此时间窗口内 Loki 没有标签 %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>AlertDeck — demo data</source>
        <translation>AlertDeck — 演示数据</translation>
    </message>
    <message>
        <source>AlertDeck</source>
        <translation>AlertDeck</translation>
    </message>
    <message>
        <source>Demo data: these sample alerts are not real. Start AlertDeck without --demo to see only live alerts.</source>
        <translation>演示数据：这些示例告警不是真实告警。不带 --demo 启动 AlertDeck 即只显示实时告警。</translation>
    </message>
    <message>
        <source>&amp;Analyze</source>
        <translation>分析(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>转发(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Replay…</source>
        <translation>回放(&amp;R)…</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
    <message>
        <source>AI analysis</source>
        <translation>AI 分析</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Alert</source>
        <translation>告警(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About AlertDeck</source>
        <translation>关于 AlertDeck(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>Port %1 is in use — change it in Settings (or start AlertDeck with --listen HOST:PORT). Alerts are not being received.</source>
        <translation>端口 %1 已被占用 — 请在设置中更改（或使用 --listen 主机:端口 启动 AlertDeck）。当前无法接收告警。</translation>
    </message>
    <message>
        <source>The webhook listener could not start: %1. Alerts are not being received.</source>
        <translation>Webhook 监听无法启动：%1。当前无法接收告警。</translation>
    </message>
    <message>
        <source>No alerts yet.</source>
        <translation>暂无告警。</translation>
    </message>
    <message>
        <source>To explore with sample alerts, start AlertDeck with --demo.</source>
        <translation>如需用示例告警体验，请使用 --demo 启动 AlertDeck。</translation>
    </message>
    <message>
        <source>&amp;Filter alerts</source>
        <translation>过滤告警(&amp;F)</translation>
    </message>
    <message>
        <source>Point Alertmanager, Grafana or Nightingale webhooks at %1/webhook</source>
        <translation>请将 Alertmanager、Grafana 或夜莺的 webhook 指向 %1/webhook</translation>
    </message>
    <message>
        <source>Loading stored alerts…</source>
        <translation>正在加载已存储的告警…</translation>
    </message>
    <message>
        <source>Listening on %1: other machines can reach this console, and webhooks need the configured credentials. Listen on 127.0.0.1 unless alerts must arrive over the network.</source>
        <translation>正在监听 %1：其他机器可以访问此控制台，webhook 需要提供已配置的凭据。除非告警必须通过网络送达，请监听 127.0.0.1。</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>%1
Listener credentials, API keys and tokens are not configured until the keychain can be used.</source>
        <translation>%1
在钥匙串可用之前，监听凭据、API 密钥和令牌均无法配置。</translation>
    </message>
    <message>
        <source>Ask the AI provider to analyze the selected alert with its metrics and logs.</source>
        <translation>请 AI 服务商结合指标和日志分析所选告警。</translation>
    </message>
    <message>
        <source>Send the selected alert and its latest analysis to the default chat destination; the arrow lists the others.</source>
        <translation>将所选告警及其最新分析发送到默认聊天目标；箭头菜单中列出其他目标。</translation>
    </message>
    <message>
        <source>Replay saved payload files or AlertDeck&apos;s history into a replay session or to another listener.</source>
        <translation>将保存的推送数据文件或 AlertDeck 的历史回放到回放会话或另一个监听器。</translation>
    </message>
    <message>
        <source>C&amp;lear replayed alerts</source>
        <translation>清除回放的告警(&amp;L)</translation>
    </message>
    <message>
        <source>Alertmanager sync failed at %1</source>
        <translation>与 Alertmanager 同步失败（%1）</translation>
    </message>
    <message>
        <source>Synced with Alertmanager at %1</source>
        <translation>已与 Alertmanager 同步（%1）</translation>
    </message>
    <message>
        <source>%1 missed alerts added, %2 resolved while offline</source>
        <translation>补充了 %1 条遗漏的告警，%2 条在离线期间已恢复</translation>
    </message>
    <message>
        <source>&amp;Silence…</source>
        <translation>静默(&amp;S)…</translation>
    </message>
    <message>
        <source>Create an Alertmanager silence for the selected alert (needs an Alertmanager in Settings → Data sources).</source>
        <translation>为所选告警在 Alertmanager 中创建静默（需要在“设置 → 数据源”中配置 Alertmanager）。</translation>
    </message>
    <message>
        <source>Silence %1 created in Alertmanager</source>
        <translation>已在 Alertmanager 中创建静默 %1</translation>
    </message>
    <message>
        <source>Acknowledged: silence %1 in Alertmanager, extended while it fires</source>
        <translation>已确认：Alertmanager 中的静默 %1，告警持续期间会自动延长</translation>
    </message>
    <message>
        <source>Acknowledge failed: %1</source>
        <translation>确认失败：%1</translation>
    </message>
    <message>
        <source>Ac&amp;knowledge</source>
        <translation>确认(&amp;K)</translation>
    </message>
    <message>
        <source>Silence the selected alert for a short while (&quot;ack&quot;), extended while it fires.</source>
        <translation>短时间静默所选告警（“ack”），告警持续期间会自动延长。</translation>
    </message>
    <message>
        <source>&amp;Silences</source>
        <translation>静默列表(&amp;S)</translation>
    </message>
    <message>
        <source>Silence %1 created in Alertmanager, extended while the alert fires</source>
        <translation>已在 Alertmanager 中创建静默 %1，告警触发期间会自动延长</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Alert table</source>
        <translation>告警表格</translation>
    </message>
    <message>
        <source>Next alert, previous alert</source>
        <translation>下一条、上一条告警</translation>
    </message>
    <message>
        <source>j, k (or ↓, ↑)</source>
        <translation>j、k（或 ↓、↑）</translation>
    </message>
    <message>
        <source>Open the alert&apos;s details</source>
        <translation>打开告警详情</translation>
    </message>
    <message>
        <source>Back to the table from the details</source>
        <translation>从详情返回表格</translation>
    </message>
    <message>
        <source>Menu of the selected alert</source>
        <translation>所选告警的菜单</translation>
    </message>
    <message>
        <source>Menu key</source>
        <translation>菜单键</translation>
    </message>
    <message>
        <source>Keep AlertDeck running?</source>
        <translation>保持 AlertDeck 运行？</translation>
    </message>
    <message>
        <source>Keep AlertDeck running in the tray when its window is closed?</source>
        <translation>关闭窗口时，让 AlertDeck 在托盘中继续运行吗？</translation>
    </message>
    <message>
        <source>In the tray the listener keeps receiving alerts and critical ones still notify you. AlertDeck remembers this answer; change it in Settings → Notifications.</source>
        <translation>在托盘中，监听器会继续接收告警，严重告警仍会通知你。AlertDeck 会记住这个选择；可在 设置 → 通知 中修改。</translation>
    </message>
    <message>
        <source>Keep running in the &amp;tray</source>
        <translation>在托盘中继续运行(&amp;T)</translation>
    </message>
    <message>
        <source>Acknowledging: asking Alertmanager which alerts the silence would mute…</source>
        <translation>正在确认：向 Alertmanager 查询该静默会屏蔽哪些告警…</translation>
    </message>
    <message>
        <source>Not acknowledged: the alert is not in Alertmanager</source>
        <translation>未确认：该告警不在 Alertmanager 中</translation>
    </message>
    <message>
        <source>Not acknowledged yet: it would silence other alerts too</source>
        <translation>尚未确认：这样做也会静默其他告警</translation>
    </message>
    <message numerus="yes">
        <source>↻ %n update(s)</source>
        <translation>
            <numerusform>↻ %n 项更新</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>While an alert is selected the table keeps its rows in place. Click to show the %n new or changed alert(s) in order, or press Esc in the table to let go of the selection.</source>
        <translation>
            <numerusform>选中告警时，表格中的行保持不动。点击可按顺序显示 %n 个新增或变化的告警，或在表格中按 Esc 取消选择。</numerusform>
        </translation>
    </message>
    <message>
        <source>Resolution &amp;note…</source>
        <translation>处置记录(&amp;N)…</translation>
    </message>
    <message>
        <source>Write down the cause and the fix of the selected alert or incident; shown the next time it fires.</source>
        <translation>记下所选告警或事件的原因和处理方法；下次触发时会显示。</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Every alert on its own (Ctrl+1)</source>
        <translation>逐条显示告警（Ctrl+1）</translation>
    </message>
    <message>
        <source>Related alerts grouped into incidents (Ctrl+2)</source>
        <translation>相关告警归并为事件（Ctrl+2）</translation>
    </message>
    <message>
        <source>&amp;Alerts</source>
        <translation>告警(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Incidents</source>
        <translation>事件(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Handover report…</source>
        <translation>交接班报告(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Noise report…</source>
        <translation>噪声报告(&amp;N)…</translation>
    </message>
    <message>
        <source>Demo and replayed alerts are not stored, so there is no history to compare them with.</source>
        <translation>演示和回放的告警不会存储，因此没有可比较的历史。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Resolution note saved for %1</source>
        <translation>已保存 %1 的处置记录</translation>
    </message>
    <message>
        <source>The resolution note was not saved: %1</source>
        <translation>处置记录未保存：%1</translation>
    </message>
    <message>
        <source>Not acknowledged: acknowledging needs an Alertmanager (Settings → Data sources)</source>
        <translation>未确认：确认需要 Alertmanager（设置 → 数据源）</translation>
    </message>
    <message numerus="yes">
        <source>Acknowledging %n alert(s): asking Alertmanager which alerts the silence would mute…</source>
        <translation>
            <numerusform>正在确认 %n 条告警：正在询问 Alertmanager 静默会屏蔽哪些告警…</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to acknowledge: those alerts are resolved or acknowledged already</source>
        <translation>没有需要确认的：这些告警已恢复或已确认</translation>
    </message>
    <message>
        <source>%1 is about another alert of the incident, which is not in the table now.</source>
        <translation>%1 涉及该事件中的另一条告警，它现在不在表格中。</translation>
    </message>
</context>
<context>
    <name>MattermostTool</name>
    <message>
        <source>Sent from AlertDeck</source>
        <translation>由 AlertDeck 发送</translation>
    </message>
    <message>
        <source>%1 answered: %2</source>
        <translation>%1 返回：%2</translation>
    </message>
</context>
<context>
    <name>MemorySecretStore</name>
    <message>
        <source>No keychain (test).</source>
        <translation>无钥匙串（测试）。</translation>
    </message>
    <message>
        <source>memory (tests)</source>
        <translation>内存（测试）</translation>
    </message>
</context>
<context>
    <name>MentionFormat</name>
    <message>
        <source>@ mobile numbers</source>
        <translation>@ 手机号</translation>
    </message>
    <message>
        <source>Mobile numbers of people in the group; the robot @-mentions them.</source>
        <translation>群成员的手机号；机器人会 @ 他们。</translation>
    </message>
    <message>
        <source>13800000000, 13900000000</source>
        <translation>13800000000, 13900000000</translation>
    </message>
    <message>
        <source>@ open_id / user_id</source>
        <translation>@ open_id / user_id</translation>
    </message>
    <message>
        <source>Feishu open_id (ou_…) or user_id of each person; all mentions everyone.</source>
        <translation>每个人的飞书 open_id（ou_…）或 user_id；all 表示 @所有人。</translation>
    </message>
    <message>
        <source>ou_5ad573a6411d72b8305fda3a9c15c70e, all</source>
        <translation>ou_5ad573a6411d72b8305fda3a9c15c70e, all</translation>
    </message>
    <message>
        <source>@ userids</source>
        <translation>@ userid</translation>
    </message>
    <message>
        <source>WeCom userids (the account name in the admin console), not display names.</source>
        <translation>企业微信 userid（管理后台中的账号），不是显示名称。</translation>
    </message>
    <message>
        <source>zhangsan, lisi</source>
        <translation>zhangsan, lisi</translation>
    </message>
    <message>
        <source>@ member / group ids</source>
        <translation>@ 成员 / 用户组 ID</translation>
    </message>
    <message>
        <source>Member ids (U… or W…, from a profile&apos;s ⋮ menu → Copy member ID), user-group ids (S…), or here, channel, everyone.</source>
        <translation>成员 ID（U… 或 W…，在个人资料的 ⋮ 菜单 → 复制成员 ID）、用户组 ID（S…），或 here、channel、everyone。</translation>
    </message>
    <message>
        <source>U024BE7LH, S0614TZR7, here</source>
        <translation>U024BE7LH, S0614TZR7, here</translation>
    </message>
    <message>
        <source>@ people (UPN)</source>
        <translation>@ 人员（UPN）</translation>
    </message>
    <message>
        <source>Each person&apos;s sign-in name (UPN), usually their work e-mail address.</source>
        <translation>每个人的登录名（UPN），通常是工作邮箱地址。</translation>
    </message>
    <message>
        <source>anna@contoso.com</source>
        <translation>zhangsan@contoso.com</translation>
    </message>
    <message>
        <source>@ usernames</source>
        <translation>@ 用户名</translation>
    </message>
    <message>
        <source>Usernames without the @ (lower case), or channel, here, all.</source>
        <translation>不带 @ 的用户名（小写），或 channel、here、all。</translation>
    </message>
    <message>
        <source>anna, db-oncall, here</source>
        <translation>zhangsan, db-oncall, here</translation>
    </message>
    <message>
        <source>Usernames without the @: 5 to 32 letters, digits or _, starting with a letter.</source>
        <translation>不带 @ 的用户名：5 到 32 个字母、数字或 _，以字母开头。</translation>
    </message>
    <message>
        <source>anna_oncall</source>
        <translation>zhangsan_oncall</translation>
    </message>
    <message>
        <source>@ user / role ids</source>
        <translation>@ 用户 / 角色 ID</translation>
    </message>
    <message>
        <source>User ids, or &amp; and a role id for a role (Developer Mode, then Copy ID on the user or role).</source>
        <translation>用户 ID；角色则写 &amp; 加角色 ID（开启开发者模式后，在用户或角色上选“复制 ID”）。</translation>
    </message>
    <message>
        <source>80351110224678912, &amp;165511591545143296</source>
        <translation>80351110224678912, &amp;165511591545143296</translation>
    </message>
    <message>
        <source>Not mentioned by %1: %2.</source>
        <translation>%1 不会 @ 这些：%2。</translation>
    </message>
    <message>
        <source>Only the first %1 are mentioned.</source>
        <translation>只 @ 前 %1 个。</translation>
    </message>
</context>
<context>
    <name>MessageLayout</name>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>AI analysis</source>
        <translation>AI 分析</translation>
    </message>
    <message>
        <source>AI analysis (%1)</source>
        <translation>AI 分析（%1）</translation>
    </message>
</context>
<context>
    <name>MetricChart</name>
    <message>
        <source>PromQL; press Enter to run it again</source>
        <translation>PromQL；按回车重新执行</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the query</source>
        <translation>复制查询</translation>
    </message>
    <message>
        <source>Open in Prometheus</source>
        <translation>在 Prometheus 中打开</translation>
    </message>
    <message>
        <source>The same window in Prometheus&apos; graph page</source>
        <translation>在 Prometheus 图表页中打开同一时间窗口</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <source>Save the chart as a picture</source>
        <translation>将图表保存为图片</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>重置缩放</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>%1 — threshold %2 %3</source>
        <translation>%1 — 阈值 %2 %3</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <source>Prometheus could not be asked: %1</source>
        <translation>无法查询 Prometheus：%1</translation>
    </message>
    <message>
        <source>Prometheus refused the query (%1): %2</source>
        <translation>Prometheus 拒绝了查询（%1）：%2</translation>
    </message>
    <message>
        <source>No data for %1 in %2</source>
        <translation>%2 内没有 %1 的数据</translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation>另有 %1 条</translation>
    </message>
    <message>
        <source>threshold %1 %2</source>
        <translation>阈值 %1 %2</translation>
    </message>
    <message>
        <source>alert started</source>
        <translation>告警开始</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>Show every series</source>
        <translation>显示所有序列</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Ghost lines of the same expression one day and one week earlier</source>
        <translation>以虚线显示同一表达式一天前和一周前的曲线</translation>
    </message>
    <message>
        <source>Drag across the chart to show that time range on every chart and in the logs</source>
        <translation>在图表上拖动，可让所有图表和日志显示该时间范围</translation>
    </message>
    <message>
        <source>Back to the range chosen above the tabs after dragging across a chart</source>
        <translation>在图表上拖动后，恢复为标签页上方选择的时间范围</translation>
    </message>
    <message>
        <source>Fewer</source>
        <translation>收起</translation>
    </message>
    <message>
        <source>Only the alert&apos;s series (or the ten highest) again</source>
        <translation>重新只显示告警自身的序列（或最高的十个）</translation>
    </message>
    <message>
        <source>Show every series, not only the alert&apos;s or the ten highest</source>
        <translation>显示所有序列，而不只是告警自身的或最高的十个</translation>
    </message>
    <message>
        <source>1 day earlier</source>
        <translation>一天前</translation>
    </message>
    <message>
        <source>1 week earlier</source>
        <translation>一周前</translation>
    </message>
    <message>
        <source> (alert)</source>
        <translation>（告警）</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… 另有 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>证据</translation>
    </message>
</context>
<context>
    <name>MetricsPane</name>
    <message>
        <source>Metric windows around the selected alert&apos;s start are shown here.</source>
        <translation>这里显示所选告警开始前后的指标窗口。</translation>
    </message>
    <message>
        <source>Nothing to plot: this alert carries no PromQL and is not a node_exporter target.</source>
        <translation>无可绘制内容：该告警没有 PromQL，也不是 node_exporter 目标。</translation>
    </message>
    <message>
        <source>No Prometheus is configured: add one in Settings → Data sources to see metric windows here.</source>
        <translation>尚未配置 Prometheus：在“设置 → 数据源”中添加后即可在此查看指标窗口。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
</context>
<context>
    <name>NetworkFailure</name>
    <message>
        <source>Host not found (DNS): %1</source>
        <translation>找不到主机（DNS）：%1</translation>
    </message>
    <message>
        <source>Connection refused by %1:%2: is the service running there?</source>
        <translation>%1:%2 拒绝连接：该服务是否正在运行？</translation>
    </message>
    <message>
        <source>TLS error: %1</source>
        <translation>TLS 错误：%1</translation>
    </message>
    <message>
        <source>%1 redirected to %2, a different origin (scheme, host or port): AlertDeck does not send credentials or data to another origin, so it did not follow. If that server is the right one, configure its address directly.</source>
        <translation>%1 重定向到了另一个源 %2（协议、主机或端口不同）：AlertDeck 不会把凭据或数据发往其他源，因此没有跟随。如果那台服务器才是正确的，请直接配置它的地址。</translation>
    </message>
    <message>
        <source>another origin</source>
        <translation>另一个源</translation>
    </message>
</context>
<context>
    <name>NoiseReport</name>
    <message>
        <source>&lt;the rule&apos;s expression&gt;</source>
        <translation>&lt;规则的表达式&gt;</translation>
    </message>
    <message>
        <source>Cannot read the alert store: %1</source>
        <translation>无法读取告警存储：%1</translation>
    </message>
</context>
<context>
    <name>NoiseReportBuilder</name>
    <message>
        <source>share of the firings that no Alertmanager silence selecting the alert covered at any moment while it fired (acknowledgements are silences too)</source>
        <translation>没有任何选中该告警的 Alertmanager 静默在其触发期间任一时刻覆盖它的触发所占的比例（确认也是静默）</translation>
    </message>
    <message>
        <source>starts and ends in the period, per hour of it</source>
        <translation>该时段内的开始和结束次数，按每小时计</translation>
    </message>
    <message>
        <source>The noise report was cancelled.</source>
        <translation>噪声报告已取消。</translation>
    </message>
    <message>
        <source>The period must start before it ends.</source>
        <translation>时段必须先开始后结束。</translation>
    </message>
    <message>
        <source>Alertmanager was not asked for its silences.</source>
        <translation>没有向 Alertmanager 查询静默。</translation>
    </message>
    <message>
        <source>The added `for:` cannot be negative.</source>
        <translation>增加的 `for:` 不能为负数。</translation>
    </message>
</context>
<context>
    <name>NoiseReportDialog</name>
    <message>
        <source>Build report</source>
        <translation>生成报告</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>What if</source>
        <translation>假如</translation>
    </message>
    <message>
        <source>Copy rule snippet</source>
        <translation>复制规则片段</translation>
    </message>
    <message>
        <source>Noise report</source>
        <translation>噪声报告</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>时段：</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>The rule&apos;s present `for:`: the stored times already include it.</source>
        <translation>规则当前的 `for:`：存储的时间已包含它。</translation>
    </message>
    <message>
        <source>With for:</source>
        <translation>改为 for：</translation>
    </message>
    <message>
        <source>instead of</source>
        <translation>原为</translation>
    </message>
    <message>
        <source>Select a rule to see what a longer `for:` would have changed.</source>
        <translation>选择一条规则，查看更长的 `for:` 会带来什么变化。</translation>
    </message>
    <message>
        <source>Building the report…</source>
        <translation>正在生成报告…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>No alert fired in this period.</source>
        <translation>此时段内没有告警触发。</translation>
    </message>
    <message>
        <source>%1 firings of %2 rules.</source>
        <translation>%2 条规则共触发 %1 次。</translation>
    </message>
    <message>
        <source>%1 firings of %2 rules; the %3 noisiest are listed.</source>
        <translation>%2 条规则共触发 %1 次；列出最嘈杂的 %3 条。</translation>
    </message>
    <message>
        <source>Never acked: unknown (%1)</source>
        <translation>从未确认：未知（%1）</translation>
    </message>
    <message>
        <source>Never acked: only the first %1 alerts were matched against silences; the others count as never acknowledged.</source>
        <translation>从未确认：只有前 %1 条告警与静默做了匹配；其余计为从未确认。</translation>
    </message>
    <message>
        <source>Noise report for %1 – %2 (UTC).</source>
        <translation>%1 – %2（UTC）的噪声报告。</translation>
    </message>
    <message>
        <source>A shorter `for:` notifies sooner and more often; the stored occurrences cannot tell how much more.</source>
        <translation>更短的 `for:` 会更早、更频繁地通知；存储的发生记录无法说明会多多少。</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>%1 with for: %2 — %3 of %4 notifications would remain (%5 would not happen).</source>
        <translation>%1 在 for: %2 时 — %4 条通知中会剩下 %3 条（%5 条不会发生）。</translation>
    </message>
    <message>
        <source>Cost: each remaining notification comes %1 later (median and maximum delay: %1; %2 of delay in all).</source>
        <translation>代价：每条剩下的通知晚 %1 到达（延迟中位数和最大值：%1；总延迟 %2）。</translation>
    </message>
    <message>
        <source>Counted over the first %1 occurrences of the rule only.</source>
        <translation>仅统计了该规则的前 %1 次发生。</translation>
    </message>
    <message>
        <source>Copied the rule with for: %1. Its expression is unknown: replace the placeholder.</source>
        <translation>已复制 for: %1 的规则。其表达式未知：请替换占位符。</translation>
    </message>
    <message>
        <source>Copied the rule with for: %1 as a Prometheus rule snippet.</source>
        <translation>已将 for: %1 的规则复制为 Prometheus 规则片段。</translation>
    </message>
</context>
<context>
    <name>NoiseRuleTableModel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Firings</source>
        <translation>触发次数</translation>
    </message>
    <message>
        <source>Flaps/h</source>
        <translation>抖动/小时</translation>
    </message>
    <message>
        <source>Median duration</source>
        <translation>持续时间中位数</translation>
    </message>
    <message>
        <source>≤ 5 min</source>
        <translation>≤ 5 分钟</translation>
    </message>
    <message>
        <source>Never acked</source>
        <translation>从未确认</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>the alert name</source>
        <translation>告警名称</translation>
    </message>
    <message>
        <source>occurrences that started in the period</source>
        <translation>该时段内开始的发生</translation>
    </message>
    <message>
        <source>median duration of the firings that resolved</source>
        <translation>已恢复的触发的持续时间中位数</translation>
    </message>
    <message>
        <source>share of the resolved firings that lasted at most 5 minutes</source>
        <translation>已恢复的触发中持续不超过 5 分钟的比例</translation>
    </message>
    <message>
        <source>firings over the period, in %1 equal parts</source>
        <translation>该时段内的触发次数，分为 %1 等份</translation>
    </message>
</context>
<context>
    <name>NotificationBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>NotificationPolicy</name>
    <message>
        <source>Notification matchers: %1</source>
        <translation>通知匹配条件：%1</translation>
    </message>
    <message>
        <source>Firing since %1</source>
        <translation>自 %1 起告警</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) firing</source>
        <translation>
            <numerusform>%n 条告警触发</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>还有 %n 条</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotificationsPage</name>
    <message>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Do not disturb: count alerts in the tray, notify of none</source>
        <translation>勿扰：托盘中计数，但不发送通知</translation>
    </message>
    <message>
        <source>Play a sound with each notification</source>
        <translation>每次通知时播放提示音</translation>
    </message>
    <message>
        <source>empty: no notifications</source>
        <translation>留空：不通知</translation>
    </message>
    <message>
        <source>Alerts that start firing and match these are notified, e.g. severity=&quot;critical&quot; or severity=~&quot;critical|warning&quot;, team=&quot;db&quot;</source>
        <translation>开始触发且匹配这些条件的告警会发送通知，例如 severity=&quot;critical&quot; 或 severity=~&quot;critical|warning&quot;, team=&quot;db&quot;</translation>
    </message>
    <message>
        <source>Ask the first time</source>
        <translation>首次使用时询问</translation>
    </message>
    <message>
        <source>Keep running in the tray</source>
        <translation>在托盘中继续运行</translation>
    </message>
    <message>
        <source>Quit AlertDeck</source>
        <translation>退出 AlertDeck</translation>
    </message>
    <message>
        <source>Desktop notifications</source>
        <translation>桌面通知</translation>
    </message>
    <message>
        <source>Notify for</source>
        <translation>通知条件</translation>
    </message>
    <message>
        <source>Tray</source>
        <translation>托盘</translation>
    </message>
    <message>
        <source>Closing the window</source>
        <translation>关闭窗口时</translation>
    </message>
    <message>
        <source>In the tray AlertDeck keeps receiving alerts; its icon counts the critical ones firing.</source>
        <translation>在托盘中 AlertDeck 会继续接收告警；托盘图标显示正在触发的严重告警数量。</translation>
    </message>
</context>
<context>
    <name>PayloadAlert</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a webhook payload AlertDeck understands: %2</source>
        <translation>%1 不是 AlertDeck 能识别的 Webhook 推送数据：%2</translation>
    </message>
    <message numerus="yes">
        <source>%1 holds %n alert(s); there is no alert %2.</source>
        <translation>
            <numerusform>%1 包含 %n 条告警；不存在第 %2 条。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PayloadExport</name>
    <message>
        <source>There is no alert store at %1.</source>
        <translation>%1 处没有告警存储。</translation>
    </message>
    <message>
        <source>Cannot open the alert store %1: %2</source>
        <translation>无法打开告警存储 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not an AlertDeck alert store.</source>
        <translation>%1 不是 AlertDeck 告警存储。</translation>
    </message>
    <message>
        <source>Cannot read the alert store %1: %2</source>
        <translation>无法读取告警存储 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write the export: %1</source>
        <translation>无法写出导出内容：%1</translation>
    </message>
</context>
<context>
    <name>PayloadJournal</name>
    <message>
        <source>Cannot open the payload journal %1: %2</source>
        <translation>无法打开推送数据日志 %1：%2</translation>
    </message>
    <message>
        <source>The payload journal %1 cannot be used: %2 It was left untouched.</source>
        <translation>无法使用推送数据日志 %1：%2 该文件未被改动。</translation>
    </message>
    <message>
        <source>it belongs to another program.</source>
        <translation>它属于其他程序。</translation>
    </message>
    <message>
        <source>the payload journal is not open</source>
        <translation>推送数据日志未打开</translation>
    </message>
</context>
<context>
    <name>PayloadParser</name>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>布尔值</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>数组</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>空</translation>
    </message>
    <message>
        <source>%1: expected an object, got %2</source>
        <translation>%1：应为对象，实际为%2</translation>
    </message>
    <message>
        <source>%1: expected a string, got %2</source>
        <translation>%1：应为字符串，实际为%2</translation>
    </message>
    <message>
        <source>%1: missing</source>
        <translation>%1：缺失</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not an RFC 3339 time</source>
        <translation>%1：“%2”不是 RFC 3339 时间</translation>
    </message>
    <message>
        <source>%1: expected Unix seconds, got %2</source>
        <translation>%1：应为 Unix 秒数，实际为%2</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is neither &quot;firing&quot; nor &quot;resolved&quot;</source>
        <translation>%1：“%2”既不是 &quot;firing&quot; 也不是 &quot;resolved&quot;</translation>
    </message>
    <message>
        <source>the body</source>
        <translation>请求体</translation>
    </message>
    <message>
        <source>alerts: missing (an Alertmanager or Grafana webhook has an &quot;alerts&quot; array)</source>
        <translation>alerts：缺失（Alertmanager 或 Grafana 的 webhook 带有 &quot;alerts&quot; 数组）</translation>
    </message>
    <message>
        <source>alerts: expected an array, got %1</source>
        <translation>alerts：应为数组，实际为%1</translation>
    </message>
    <message>
        <source>%1: expected a number (1, 2 or 3), got %2</source>
        <translation>%1：应为数字（1、2 或 3），实际为%2</translation>
    </message>
    <message>
        <source>%1: expected an array of &quot;key=value&quot; strings, got %2</source>
        <translation>%1：应为 &quot;key=value&quot; 字符串数组，实际为%2</translation>
    </message>
    <message>
        <source>%1[%2]: expected &quot;key=value&quot;, got &quot;%3&quot;</source>
        <translation>%1[%2]：应为 &quot;key=value&quot;，实际为“%3”</translation>
    </message>
    <message>
        <source>%1: expected true or false, got %2</source>
        <translation>%1：应为 true 或 false，实际为%2</translation>
    </message>
    <message>
        <source>the body is empty; expected a JSON webhook payload</source>
        <translation>请求体为空；应为 JSON 格式的 Webhook 推送数据</translation>
    </message>
    <message>
        <source>invalid JSON at byte %1: %2</source>
        <translation>第 %1 字节处的 JSON 无效：%2</translation>
    </message>
    <message>
        <source>unrecognised payload: expected an Alertmanager or Grafana webhook (an object with &quot;alerts&quot;) or a Nightingale event (an object with &quot;rule_name&quot;, or an array of them)</source>
        <translation>无法识别的推送数据：应为 Alertmanager 或 Grafana 的 Webhook（带 &quot;alerts&quot; 的对象）或 Nightingale 事件（带 &quot;rule_name&quot; 的对象，或其数组）</translation>
    </message>
    <message>
        <source>too many alerts: the payload holds %1 and the limit is %2 per payload (Settings → Listener, or Listener/maxAlertsPerPayload in the configuration file)</source>
        <translation>告警过多：该推送数据含 %1 条，每条推送数据上限为 %2 条（设置 → 监听器，或配置文件中的 Listener/maxAlertsPerPayload）</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is outside the years 1970 to 9999</source>
        <translation>%1：“%2”不在 1970 至 9999 年之间</translation>
    </message>
    <message>
        <source>%1: expected Unix seconds, got &quot;%2&quot;</source>
        <translation>%1：应为 Unix 秒数，实际为“%2”</translation>
    </message>
    <message>
        <source>%1: %2 is outside 0 to %3 Unix seconds (the years 1970 to 9999)</source>
        <translation>%1：%2 不在 0 至 %3 Unix 秒之间（1970 至 9999 年）</translation>
    </message>
    <message>
        <source>truncatedAlerts: expected a count of 0 or more, got %1</source>
        <translation>truncatedAlerts：应为不小于 0 的数量，实际为 %1</translation>
    </message>
</context>
<context>
    <name>ProviderModels</name>
    <message>
        <source>The answer is not an OpenAI-compatible model list: is this the right URL?</source>
        <translation>响应不是兼容 OpenAI 的模型列表：URL 是否正确？</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a provider URL (https://host[/v1])</source>
        <translation>“%1”不是服务商 URL（https://host[/v1]）</translation>
    </message>
    <message>
        <source>The model list is larger than %1 MiB: is this the right URL?</source>
        <translation>模型列表超过 %1 MiB：URL 是否正确？</translation>
    </message>
    <message numerus="yes">
        <source>No answer from %1 within %n second(s)</source>
        <translation>
            <numerusform>%1 在 %n 秒内没有响应</numerusform>
        </translation>
    </message>
    <message>
        <source>HTTP %1: the API key was refused%2</source>
        <translation>HTTP %1：API 密钥被拒绝%2</translation>
    </message>
    <message>
        <source>HTTP 404: no model list at %1 — check the base URL (many servers need /v1 at the end)</source>
        <translation>HTTP 404：%1 处没有模型列表——请检查基础 URL（许多服务器需要以 /v1 结尾）</translation>
    </message>
    <message>
        <source>HTTP %1%2</source>
        <translation>HTTP %1%2</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
</context>
<context>
    <name>ReadOnlyStore</name>
    <message>
        <source>There is no alert store at %1.</source>
        <translation>%1 处没有告警存储。</translation>
    </message>
    <message>
        <source>Cannot open the alert store %1: %2</source>
        <translation>无法打开告警存储 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not an AlertDeck alert store.</source>
        <translation>%1 不是 AlertDeck 的告警存储。</translation>
    </message>
    <message>
        <source>Cannot read the alert store %1: %2</source>
        <translation>无法读取告警存储 %1：%2</translation>
    </message>
    <message>
        <source>The alert store %1 was written by an older AlertDeck; start AlertDeck once to upgrade it.</source>
        <translation>告警存储 %1 由较旧的 AlertDeck 写入；请先启动一次 AlertDeck 以升级它。</translation>
    </message>
    <message>
        <source>The alert store %1 was written by a newer AlertDeck (schema %2; this one reads %3).</source>
        <translation>告警存储 %1 由较新的 AlertDeck 写入（架构 %2；本程序读取 %3）。</translation>
    </message>
</context>
<context>
    <name>ReplayCommand</name>
    <message>
        <source>skipped %1</source>
        <translation>已跳过 %1</translation>
    </message>
    <message>
        <source>--token-env: %1 is not set or empty.</source>
        <translation>--token-env：%1 未设置或为空。</translation>
    </message>
    <message>
        <source>--basic-env: %1 must hold user:password.</source>
        <translation>--basic-env：%1 必须是 user:password 格式。</translation>
    </message>
    <message>
        <source>Replayed %1 of %2 payloads to %3: %4 accepted, %5 refused; %6 inputs skipped.</source>
        <translation>已向 %3 回放 %1/%2 条推送数据：%4 个被接受，%5 个被拒绝；跳过 %6 条输入。</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>被拒绝：%1</translation>
    </message>
</context>
<context>
    <name>ReplayDialog</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>&amp;Files</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>AlertDeck&apos;s &amp;history</source>
        <translation>AlertDeck 的历史(&amp;H)</translation>
    </message>
    <message>
        <source>This &amp;console (a replay session, kept apart from live alerts)</source>
        <translation>本控制台(&amp;C)（回放会话，与实时告警分开）</translation>
    </message>
    <message>
        <source>Another &amp;listener</source>
        <translation>另一个监听器(&amp;L)</translation>
    </message>
    <message>
        <source>Let automatic analysis and forwarding rules react</source>
        <translation>允许自动分析和转发规则响应</translation>
    </message>
    <message>
        <source>Skip quiet stretches longer than 1 min</source>
        <translation>跳过超过 1 分钟的空闲间隔</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>S&amp;tep</source>
        <translation>单步(&amp;T)</translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation>停止(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Clear replayed alerts</source>
        <translation>清除回放的告警(&amp;C)</translation>
    </message>
    <message>
        <source>Replay payloads</source>
        <translation>回放推送数据</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>Remove all</source>
        <translation>全部移除</translation>
    </message>
    <message>
        <source>optional matchers, e.g. severity=&quot;critical&quot;</source>
        <translation>可选的匹配器，例如 severity=&quot;critical&quot;</translation>
    </message>
    <message>
        <source>Off: replayed alerts never start an analysis or a forward. On: a drill that exercises them; forwards say [REPLAY].</source>
        <translation>关闭：回放的告警不会触发分析或转发。开启：演练会触发它们；转发消息会标注 [回放]。</translation>
    </message>
    <message>
        <source>No authentication</source>
        <translation>无认证</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer 令牌</translation>
    </message>
    <message>
        <source>Basic user:password</source>
        <translation>Basic user:password</translation>
    </message>
    <message>
        <source>not saved</source>
        <translation>不会保存</translation>
    </message>
    <message>
        <source>×1 (as it happened)</source>
        <translation>×1（原始速度）</translation>
    </message>
    <message>
        <source>×10</source>
        <translation>×10</translation>
    </message>
    <message>
        <source>×60</source>
        <translation>×60</translation>
    </message>
    <message>
        <source>×600</source>
        <translation>×600</translation>
    </message>
    <message>
        <source>As fast as possible</source>
        <translation>尽可能快</translation>
    </message>
    <message>
        <source>%v of %m payloads</source>
        <translation>%v/%m 条推送数据</translation>
    </message>
    <message>
        <source>Lines that could not be read and payloads that were refused are listed here.</source>
        <translation>此处列出无法读取的行和被拒绝的推送数据。</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>回放</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Received from</source>
        <translation>接收时间从</translation>
    </message>
    <message>
        <source>Alerts matching</source>
        <translation>匹配的告警</translation>
    </message>
    <message>
        <source>Into</source>
        <translation>回放到</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Payload files</source>
        <translation>推送数据文件</translation>
    </message>
    <message>
        <source>Payloads (*.json *.ndjson *.jsonl);;All files (*)</source>
        <translation>推送数据 (*.json *.ndjson *.jsonl);;所有文件 (*)</translation>
    </message>
    <message>
        <source>A folder of payload files</source>
        <translation>推送数据文件所在的文件夹</translation>
    </message>
    <message>
        <source>Replayed alerts cleared.</source>
        <translation>已清除回放的告警。</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an http(s) URL.</source>
        <translation>&quot;%1&quot; 不是 http(s) URL。</translation>
    </message>
    <message>
        <source>Reading the payloads…</source>
        <translation>正在读取推送数据…</translation>
    </message>
    <message>
        <source>skipped %1</source>
        <translation>已跳过 %1</translation>
    </message>
    <message>
        <source>Nothing to replay.</source>
        <translation>没有可回放的内容。</translation>
    </message>
    <message>
        <source>refused %1: %2</source>
        <translation>被拒绝 %1：%2</translation>
    </message>
    <message>
        <source>Replay time %1 UTC</source>
        <translation>回放时间 %1 UTC</translation>
    </message>
    <message>
        <source>%1 of %2 sent</source>
        <translation>已发送 %1/%2</translation>
    </message>
    <message>
        <source>%1 refused</source>
        <translation>%1 个被拒绝</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>约剩 %1</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>尚未开始</translation>
    </message>
</context>
<context>
    <name>ReplaySession</name>
    <message>
        <source>The replay store could not be opened: %1</source>
        <translation>无法打开回放存储：%1</translation>
    </message>
    <message>
        <source>stored</source>
        <translation>已存储</translation>
    </message>
</context>
<context>
    <name>ReplaySource</name>
    <message>
        <source>receivedAt &quot;%1&quot; is not an RFC 3339 time</source>
        <translation>receivedAt &quot;%1&quot; 不是 RFC 3339 时间</translation>
    </message>
    <message>
        <source>a JSON value that is not a webhook payload</source>
        <translation>不是 Webhook 推送数据的 JSON 值</translation>
    </message>
    <message>
        <source>not JSON (%1 at character %2)</source>
        <translation>不是 JSON（第 %2 个字符处：%1）</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <source>not JSON: expected a webhook payload, a JSON array of payloads or NDJSON (%1 at character %2)</source>
        <translation>不是 JSON：应为 Webhook 推送数据、推送数据的 JSON 数组或 NDJSON（第 %2 个字符处：%1）</translation>
    </message>
    <message>
        <source>history</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>no .json, .ndjson or .jsonl files in this folder</source>
        <translation>此文件夹中没有 .json、.ndjson 或 .jsonl 文件</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>无法读取：%1</translation>
    </message>
</context>
<context>
    <name>ReportCommand</name>
    <message>
        <source>The command line does not ask Alertmanager for its silences.</source>
        <translation>命令行不会向 Alertmanager 查询静默。</translation>
    </message>
    <message>
        <source>Reading the alert store: step %1 of %2…</source>
        <translation>正在读取告警存储：第 %1 步，共 %2 步…</translation>
    </message>
</context>
<context>
    <name>ReportRows</name>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Reading the alert store… %p%</source>
        <translation>正在读取告警存储… %p%</translation>
    </message>
</context>
<context>
    <name>RequestAdmission</name>
    <message>
        <source>&quot;%1&quot; is not a web origin: write it as scheme://host or scheme://host:port, e.g. https://tools.example.org</source>
        <translation>“%1”不是网页来源：请写成 scheme://host 或 scheme://host:port，例如 https://tools.example.org</translation>
    </message>
    <message>
        <source>requests from web pages are refused (Sec-Fetch-Site: cross-site)</source>
        <translation>拒绝来自网页的请求（Sec-Fetch-Site: cross-site）</translation>
    </message>
    <message>
        <source>requests from web pages are refused (Origin: %1); allow the origin in Settings → Listener if a browser tool must post here</source>
        <translation>拒绝来自网页的请求（Origin: %1）；如确需浏览器工具推送到这里，请在 设置 → 监听器 中允许该来源</translation>
    </message>
    <message>
        <source>Host &quot;%1&quot; is not this listener&apos;s name; a listener on a loopback address answers to localhost and loopback addresses only</source>
        <translation>Host &quot;%1&quot; 不是此监听器的名称；监听回环地址时只响应 localhost 和回环地址</translation>
    </message>
    <message>
        <source>use GET for %1</source>
        <translation>%1 请使用 GET</translation>
    </message>
    <message>
        <source>no such endpoint: %1</source>
        <translation>没有这个端点：%1</translation>
    </message>
    <message>
        <source>use POST for %1</source>
        <translation>%1 请使用 POST</translation>
    </message>
    <message>
        <source>authentication required</source>
        <translation>需要身份验证</translation>
    </message>
    <message>
        <source>invalid credentials</source>
        <translation>凭据无效</translation>
    </message>
    <message>
        <source>Content-Type must be application/json; the request has none</source>
        <translation>Content-Type 必须是 application/json；请求中没有该请求头</translation>
    </message>
    <message>
        <source>Content-Type must be application/json, got &quot;%1&quot;</source>
        <translation>Content-Type 必须是 application/json，收到的是 &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>RequestPreviewDialog</name>
    <message>
        <source>Request for %1</source>
        <translation>%1 的请求</translation>
    </message>
    <message>
        <source>About %1 tokens of prompt.</source>
        <translation>提示约 %1 个 token。</translation>
    </message>
    <message>
        <source>Trimmed to the context budget: %1.</source>
        <translation>已按上下文预算裁剪：%1。</translation>
    </message>
    <message>
        <source>No API key is set: the request goes without one.</source>
        <translation>未设置 API 密钥：请求将不带密钥发送。</translation>
    </message>
    <message>
        <source>Copy as &amp;curl</source>
        <translation>复制为 curl(&amp;C)</translation>
    </message>
    <message>
        <source>A shell command; it reads the key from $ALERTDECK_DEEPSEEK_API_KEY</source>
        <translation>一条 shell 命令；它从 $ALERTDECK_DEEPSEEK_API_KEY 读取密钥</translation>
    </message>
    <message>
        <source>Copy &amp;JSON</source>
        <translation>复制 JSON(&amp;J)</translation>
    </message>
    <message>
        <source>(the key from the keychain)</source>
        <translation>（钥匙串中的密钥）</translation>
    </message>
</context>
<context>
    <name>ResolutionNote</name>
    <message>
        <source>cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>action</source>
        <translation>处置措施</translation>
    </message>
    <message>
        <source>link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>The %1 is longer than %2 characters.</source>
        <translation>%1超过 %2 个字符。</translation>
    </message>
    <message>
        <source>The note is longer than %1 characters.</source>
        <translation>处置记录超过 %1 个字符。</translation>
    </message>
    <message>
        <source>The link must be a web address (http:// or https://).</source>
        <translation>链接必须是网址（http:// 或 https://）。</translation>
    </message>
    <message>
        <source>Cause: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <source>Action: %1</source>
        <translation>处置措施：%1</translation>
    </message>
    <message>
        <source>The stored note is larger than %1 KiB.</source>
        <translation>存储的处置记录超过 %1 KiB。</translation>
    </message>
    <message>
        <source>The stored note is not a JSON object.</source>
        <translation>存储的处置记录不是 JSON 对象。</translation>
    </message>
</context>
<context>
    <name>ResolutionNoteDialog</name>
    <message>
        <source>Resolution note — %1</source>
        <translation>处置记录 — %1</translation>
    </message>
    <message>
        <source>What caused it, e.g. the nightly import ran out of memory</source>
        <translation>原因，例如夜间导入任务内存耗尽</translation>
    </message>
    <message>
        <source>What fixed it, e.g. raised the memory limit and restarted</source>
        <translation>如何解决，例如调高内存上限后重启</translation>
    </message>
    <message>
        <source>https://… (runbook, ticket, post-mortem)</source>
        <translation>https://…（处理手册、工单、故障复盘）</translation>
    </message>
    <message>
        <source>Anything the next person should know</source>
        <translation>下一位处理人需要知道的其他信息</translation>
    </message>
    <message>
        <source>Kept with this occurrence and shown when it, or something like it, fires again. The next AI analysis of a similar alert reads it as an earlier incident.</source>
        <translation>随本次发生记录保存，当该告警或类似告警再次触发时显示。之后对类似告警进行 AI 分析时，会将其作为一次先前的事件参考。</translation>
    </message>
    <message>
        <source>&amp;Cause:</source>
        <translation>原因(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Action taken:</source>
        <translation>处置措施(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Link:</source>
        <translation>链接(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>SecretField</name>
    <message>
        <source>Replace…</source>
        <translation>替换…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>New value (saved to the keychain)</source>
        <translation>新值（保存到钥匙串）</translation>
    </message>
    <message>
        <source>Will be removed when you save</source>
        <translation>保存时将被删除</translation>
    </message>
    <message>
        <source>Checking the keychain…</source>
        <translation>正在检查钥匙串…</translation>
    </message>
    <message>
        <source>Keychain unavailable</source>
        <translation>钥匙串不可用</translation>
    </message>
    <message>
        <source>Stored in keychain ✓</source>
        <translation>已保存在钥匙串中 ✓</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Set…</source>
        <translation>设置…</translation>
    </message>
</context>
<context>
    <name>SeenBefore</name>
    <message>
        <source>new</source>
        <translation>首次</translation>
    </message>
    <message>
        <source>rare</source>
        <translation>罕见</translation>
    </message>
    <message>
        <source>occasional</source>
        <translation>偶发</translation>
    </message>
    <message>
        <source>frequent</source>
        <translation>频发</translation>
    </message>
    <message>
        <source>the same alert</source>
        <translation>同一告警</translation>
    </message>
    <message>
        <source>the same alert name on the same target</source>
        <translation>同一目标上的同名告警</translation>
    </message>
    <message>
        <source>similar text</source>
        <translation>文本相似</translation>
    </message>
</context>
<context>
    <name>SeenBeforeCard</name>
    <message>
        <source>Resolution &amp;note…</source>
        <translation>处置记录(&amp;N)…</translation>
    </message>
    <message>
        <source>Write down what caused this and what fixed it, for the next time.</source>
        <translation>记下这次的原因和解决办法，供下次参考。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Seen before&lt;/b&gt;</source>
        <translation>&lt;b&gt;历史出现&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Looking through the history…</source>
        <translation>正在查找历史…</translation>
    </message>
    <message>
        <source>The history could not be read: %1</source>
        <translation>无法读取历史：%1</translation>
    </message>
    <message>
        <source>new: never seen in 30 days; rare: in at most 5 % of the incidents; frequent: in at least 20 %</source>
        <translation>首次：30 天内从未出现；罕见：最多出现在 5 % 的事件中；频发：至少出现在 20 % 的事件中</translation>
    </message>
    <message>
        <source>Last: %1</source>
        <translation>最近：%1</translation>
    </message>
    <message>
        <source>No earlier alert like this one.</source>
        <translation>之前没有类似的告警。</translation>
    </message>
    <message>
        <source>lasted %1</source>
        <translation>持续 %1</translation>
    </message>
    <message>
        <source>still firing</source>
        <translation>仍在触发</translation>
    </message>
    <message>
        <source>%1 — %2, %3 (%4)</source>
        <translation>%1 — %2，%3（%4）</translation>
    </message>
    <message>
        <source>No resolution note.</source>
        <translation>没有处置记录。</translation>
    </message>
    <message>
        <source>AI analysis: %1</source>
        <translation>AI 分析：%1</translation>
    </message>
    <message>
        <source>Not seen in the last 30 days.</source>
        <translation>最近 30 天内未出现过。</translation>
    </message>
    <message numerus="yes">
        <source>Fired %n time(s) in the last 30 days.</source>
        <translation>
            <numerusform>最近 30 天内触发了 %n 次。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Fired %n time(s) in the last 30 days, usually for %1.</source>
        <translation>
            <numerusform>最近 30 天内触发了 %n 次，通常持续 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>How often the selected alert fired before, and what fixed it, shows here.</source>
        <translation>所选告警以前触发的频率以及解决方法显示在这里。</translation>
    </message>
</context>
<context>
    <name>SeriesLegend</name>
    <message>
        <source>%1
(the alert&apos;s own series)</source>
        <translation>%1
（告警自身的序列）</translation>
    </message>
</context>
<context>
    <name>ServerTls</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>HTTPS is not available: Qt found no TLS library (OpenSSL) on this system.</source>
        <translation>HTTPS 不可用：Qt 在本系统上找不到 TLS 库（OpenSSL）。</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation>%1 中没有 PEM 证书。</translation>
    </message>
    <message>
        <source>%1 is protected by a passphrase; AlertDeck needs an unencrypted key file (readable only by you).</source>
        <translation>%1 受密码保护；AlertDeck 需要未加密的私钥文件（仅限您本人可读）。</translation>
    </message>
    <message>
        <source>%1 holds no PEM private key (RSA or EC).</source>
        <translation>%1 中没有 PEM 私钥（RSA 或 EC）。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Settings saved, but the keychain refused:
%1</source>
        <translation>设置已保存，但钥匙串拒绝了操作：
%1</translation>
    </message>
    <message>
        <source>Saving credentials to %1…</source>
        <translation>正在将凭据保存到 %1…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Write these settings to a file to share or keep (secrets stay out)</source>
        <translation>将这些设置写入文件以便共享或保存（不含机密）</translation>
    </message>
    <message>
        <source>Export settings</source>
        <translation>导出设置</translation>
    </message>
    <message>
        <source>AlertDeck settings (*.ini)</source>
        <translation>AlertDeck 设置 (*.ini)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Fill the pages from a settings file; nothing changes until Save</source>
        <translation>用设置文件填充各页面；点击保存前不会生效</translation>
    </message>
    <message>
        <source>Import settings</source>
        <translation>导入设置</translation>
    </message>
    <message>
        <source>AlertDeck settings (*.ini);;All files (*)</source>
        <translation>AlertDeck 设置 (*.ini);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Some entries need attention (marked in red); %1</source>
        <translation>部分条目需要处理（已标红）；%1</translation>
    </message>
    <message>
        <source>nothing was exported.</source>
        <translation>未导出任何内容。</translation>
    </message>
    <message>
        <source>Could not export to %1: %2</source>
        <translation>无法导出到 %1：%2</translation>
    </message>
    <message>
        <source>Exported to %1 (without secrets).</source>
        <translation>已导出到 %1（不含机密）。</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>未导入任何内容：%1</translation>
    </message>
    <message>
        <source>Imported %1: look through the pages, then Save (Cancel keeps your settings).</source>
        <translation>已导入 %1：请检查各页面后点击保存（取消则保留原有设置）。</translation>
    </message>
    <message>
        <source>nothing was saved.</source>
        <translation>未保存任何内容。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>&quot;%1&quot; is not an http:// or https:// URL with a host name.</source>
        <translation>&quot;%1&quot; 不是带主机名的 http:// 或 https:// URL。</translation>
    </message>
</context>
<context>
    <name>SeverityCountsIndicator</name>
    <message>
        <source>No firing alerts</source>
        <translation>没有触发中的告警</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Firing: %1</source>
        <translation>触发中：%1</translation>
    </message>
    <message>
        <source>%1 muted</source>
        <translation>%1 个已屏蔽</translation>
    </message>
    <message>
        <source>replay: %1 firing</source>
        <translation>回放：%1 个触发中</translation>
    </message>
    <message>
        <source>Live alerts firing by severity. Silenced, inhibited and acknowledged alerts are counted as muted; replayed alerts are never counted as firing.</source>
        <translation>按严重级别统计的触发中实时告警。已静默、已抑制和已确认的告警计为已屏蔽；回放的告警从不计为触发中。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>SilenceDialog</name>
    <message>
        <source>Silence %1</source>
        <translation>静默 %1</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Regex</source>
        <translation>正则</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>4 hours</source>
        <translation>4 小时</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
    <message>
        <source>1 week</source>
        <translation>1 周</translation>
    </message>
    <message>
        <source>why, e.g. disk being replaced (required)</source>
        <translation>原因，例如正在更换磁盘（必填）</translation>
    </message>
    <message>
        <source>&amp;Silence</source>
        <translation>静默(&amp;S)</translation>
    </message>
    <message>
        <source>For</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>创建者</translation>
    </message>
    <message>
        <source>Alerts whose labels match all of these are silenced:</source>
        <translation>标签与以下全部条件匹配的告警将被静默：</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>以及另外 %1 条</translation>
    </message>
    <message>
        <source>A silence needs at least one matcher.</source>
        <translation>静默至少需要一个匹配器。</translation>
    </message>
    <message>
        <source>Matches no alert firing now.</source>
        <translation>当前没有匹配的告警。</translation>
    </message>
    <message>
        <source>Say why in the comment: it is what others see on the silence.</source>
        <translation>请在备注中说明原因：其他人会在静默上看到它。</translation>
    </message>
    <message>
        <source>Edit silence</source>
        <translation>编辑静默</translation>
    </message>
    <message>
        <source>Not</source>
        <translation>取反</translation>
    </message>
    <message>
        <source>Match alerts whose label is anything else</source>
        <translation>匹配该标签为其他值的告警</translation>
    </message>
    <message>
        <source>&amp;Add matcher</source>
        <translation>添加匹配条件(&amp;A)</translation>
    </message>
    <message>
        <source>Keep the end (%1)</source>
        <translation>保持结束时间（%1）</translation>
    </message>
    <message>
        <source>%1 from now</source>
        <translation>从现在起 %1</translation>
    </message>
    <message>
        <source>Until resolved</source>
        <translation>直到恢复</translation>
    </message>
    <message>
        <source>An hour at a time, extended while the alert fires and AlertDeck runs</source>
        <translation>每次一小时，告警触发且 AlertDeck 运行期间自动延长</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message numerus="yes">
        <source>Matches %n alert(s) firing now: %1</source>
        <translation>
            <numerusform>匹配当前 %n 个触发中的告警：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Saving the silence…</source>
        <translation>正在保存静默…</translation>
    </message>
    <message>
        <source>Custom end…</source>
        <translation>自定义结束时间…</translation>
    </message>
    <message>
        <source>Choose the date and time the silence ends</source>
        <translation>选择静默结束的日期和时间</translation>
    </message>
    <message>
        <source>in the past: choose a later time</source>
        <translation>已过去：请选择更晚的时间</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>%1 后</translation>
    </message>
    <message>
        <source>The end is in the past: choose a date and time after now.</source>
        <translation>结束时间已过去：请选择晚于现在的日期和时间。</translation>
    </message>
</context>
<context>
    <name>SilenceListModel</name>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Matchers</source>
        <translation>匹配条件</translation>
    </message>
    <message>
        <source>Silencing</source>
        <translation>静默中</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>创建者</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>ended %1</source>
        <translation>已于 %1 结束</translation>
    </message>
    <message>
        <source>starts in %1, ends %2</source>
        <translation>%1 后开始，%2 结束</translation>
    </message>
    <message>
        <source>in %1 (%2)</source>
        <translation>%1 后（%2）</translation>
    </message>
    <message>
        <source>active</source>
        <translation>生效中</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>待生效</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation>
            <numerusform>%n 个告警</numerusform>
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
        <translation>静默 %1
匹配条件：
%2
备注：%3
开始 %4
结束 %5
报告方 %6</translation>
    </message>
</context>
<context>
    <name>SilencesDialog</name>
    <message>
        <source>&amp;Active</source>
        <translation>生效中(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Pending</source>
        <translation>待生效(&amp;P)</translation>
    </message>
    <message>
        <source>E&amp;xpired</source>
        <translation>已过期(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Ex&amp;pire…</source>
        <translation>结束静默(&amp;P)…</translation>
    </message>
    <message>
        <source>Silences</source>
        <translation>静默</translation>
    </message>
    <message>
        <source>Search matchers, comments, authors (Ctrl+F)</source>
        <translation>搜索匹配条件、备注、创建者（Ctrl+F）</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Read the silences again (F5)</source>
        <translation>重新读取静默（F5）</translation>
    </message>
    <message>
        <source>Change the matchers, end or comment (Enter)</source>
        <translation>修改匹配条件、结束时间或备注（Enter）</translation>
    </message>
    <message>
        <source>End the silence now (Delete); the alerts it mutes notify again</source>
        <translation>立即结束静默（Delete）；被它静默的告警会重新通知</translation>
    </message>
    <message>
        <source>Could not read every Alertmanager:
%1</source>
        <translation>未能读取所有 Alertmanager：
%1</translation>
    </message>
    <message>
        <source>No Alertmanager is configured: add its URL in Settings → Data sources.</source>
        <translation>未配置 Alertmanager：请在 设置 → 数据源 中添加其地址。</translation>
    </message>
    <message>
        <source>Reading silences…</source>
        <translation>正在读取静默…</translation>
    </message>
    <message>
        <source>&amp;Recreate…</source>
        <translation>重新创建(&amp;R)…</translation>
    </message>
    <message>
        <source>Silence %1 saved.</source>
        <translation>静默 %1 已保存。</translation>
    </message>
    <message>
        <source>Silence %1 replaced by %2.</source>
        <translation>静默 %1 已被 %2 取代。</translation>
    </message>
    <message>
        <source>Expire silence</source>
        <translation>使静默过期</translation>
    </message>
    <message>
        <source>Expire the silence for %1?</source>
        <translation>使 %1 的静默过期？</translation>
    </message>
    <message>
        <source>The alerts it mutes notify again. An expired silence can be recreated from this list.</source>
        <translation>被它静默的告警会重新通知。过期的静默可以在此列表中重新创建。</translation>
    </message>
    <message>
        <source>E&amp;xpire</source>
        <translation>结束静默(&amp;X)</translation>
    </message>
    <message>
        <source>Expiring silence %1…</source>
        <translation>正在使静默 %1 过期…</translation>
    </message>
    <message>
        <source>Silence %1 expired: the alerts it muted notify again.</source>
        <translation>静默 %1 已过期：被它静默的告警会重新通知。</translation>
    </message>
    <message numerus="yes">
        <source>%n silence(s) listed</source>
        <translation>
            <numerusform>列出 %n 个静默</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n more hidden by the filters</source>
        <translation>
            <numerusform>，另有 %n 个被筛选隐藏</numerusform>
        </translation>
    </message>
    <message>
        <source>, read at %1.</source>
        <translation>，读取于 %1。</translation>
    </message>
</context>
<context>
    <name>SimilarCommand</name>
    <message>
        <source>Alert %1 of %2: %3</source>
        <translation>第 %1 条告警（共 %2 条）：%3</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>位于 %1</translation>
    </message>
    <message>
        <source>started %1</source>
        <translation>开始于 %1</translation>
    </message>
    <message>
        <source>Seen before: %1; times it fired in the last 30 days: %2</source>
        <translation>以前见过：%1；过去 30 天触发次数：%2</translation>
    </message>
    <message>
        <source>, usually for %1</source>
        <translation>，通常持续 %1</translation>
    </message>
    <message>
        <source>No earlier occurrence matches.</source>
        <translation>没有匹配的历史发生。</translation>
    </message>
    <message>
        <source>Matches, best first:</source>
        <translation>匹配项，最佳的在前：</translation>
    </message>
    <message>
        <source>for %1</source>
        <translation>持续 %1</translation>
    </message>
    <message>
        <source>still firing</source>
        <translation>仍在触发</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation>目标：%1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>处置记录：%1</translation>
    </message>
    <message>
        <source>Link: %1</source>
        <translation>链接：%1</translation>
    </message>
    <message>
        <source>Analysis:</source>
        <translation>分析：</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>cannot write %1: permission denied</source>
        <translation>无法写入 %1：权限不足</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>无法创建 %1</translation>
    </message>
</context>
<context>
    <name>SlackTool</name>
    <message>
        <source>Sent from AlertDeck</source>
        <translation>由 AlertDeck 发送</translation>
    </message>
    <message>
        <source>%1 answered: %2</source>
        <translation>%1 返回：%2</translation>
    </message>
</context>
<context>
    <name>SseParser</name>
    <message>
        <source>The provider sent a line longer than %1 MiB — not a valid event stream</source>
        <translation>服务商发送了超过 %1 MiB 的一行——不是有效的事件流</translation>
    </message>
    <message>
        <source>The provider sent an event longer than %1 MiB — not a valid event stream</source>
        <translation>服务商发送了超过 %1 MiB 的事件——不是有效的事件流</translation>
    </message>
</context>
<context>
    <name>StoreLoadIndicator</name>
    <message>
        <source>Opening the alert store…</source>
        <translation>正在打开告警存储…</translation>
    </message>
    <message>
        <source>Loading stored alerts: %1 of %2</source>
        <translation>正在加载已存储的告警：%1 / %2</translation>
    </message>
    <message numerus="yes">
        <source>Table catching up: %Ln payload(s) waiting (%1 s behind)</source>
        <translation>
            <numerusform>表格追赶中：%Ln 条推送数据待处理（落后 %1 秒）</numerusform>
        </translation>
    </message>
    <message>
        <source>Alerts arrive faster than the table takes them, so senders are answered first. Every received payload is already safe on disk; the table catches up as soon as the machine has room.</source>
        <translation>告警到达的速度超过了表格的处理速度，因此先应答发送方。每条已接收的推送数据都已安全写入磁盘；机器一有余力，表格就会追上。</translation>
    </message>
</context>
<context>
    <name>StoreService</name>
    <message>
        <source>the alert store is not open</source>
        <translation>告警存储未打开</translation>
    </message>
</context>
<context>
    <name>StoreWorker</name>
    <message>
        <source>invalid or missing X-Grafana-Alerting-Signature</source>
        <translation>X-Grafana-Alerting-Signature 缺失或无效</translation>
    </message>
    <message>
        <source>could not store the payload (%1); retry later</source>
        <translation>无法保存推送数据（%1）；请稍后重试</translation>
    </message>
    <message>
        <source>The alert store is not open.</source>
        <translation>告警存储未打开。</translation>
    </message>
</context>
<context>
    <name>TelegramTool</name>
    <message>
        <source>%1 refused the message: %2</source>
        <translation>%1 拒绝了消息：%2</translation>
    </message>
</context>
<context>
    <name>TimeRange</name>
    <message>
        <source>Around the alert</source>
        <translation>告警前后</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>最近 15 分钟</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>最近 6 小时</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Custom: %1 – %2</source>
        <translation>自定义：%1 – %2</translation>
    </message>
</context>
<context>
    <name>TimeRangePicker</name>
    <message>
        <source>The time range of the Metrics and Logs tabs</source>
        <translation>指标和日志标签页的时间范围</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>自定义…</translation>
    </message>
    <message>
        <source>From before the alert&apos;s start to now while it fires, to a while after its end once resolved</source>
        <translation>告警触发期间从其开始前到现在；恢复后到其结束后一段时间</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
</context>
<context>
    <name>ToolStepRow</name>
    <message>
        <source>Show the result</source>
        <translation>显示结果</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>已返回</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>asking…</source>
        <translation>查询中…</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>… %n more line(s)</source>
        <translation>
            <numerusform>… 还有 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>… more series</source>
        <translation>… 更多序列</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier occurrence(s)</source>
        <translation>
            <numerusform>更早的 %n 次发生记录</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ToolStepsView</name>
    <message numerus="yes">
        <source>%n earlier tool call(s) not listed</source>
        <translation>
            <numerusform>另有 %n 次更早的工具调用未列出</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>&amp;Show AlertDeck</source>
        <translation>显示 AlertDeck(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Do not disturb</source>
        <translation>勿扰(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Quit AlertDeck</source>
        <translation>退出 AlertDeck(&amp;Q)</translation>
    </message>
    <message>
        <source>AlertDeck: no critical alert firing</source>
        <translation>AlertDeck：没有正在触发的严重告警</translation>
    </message>
    <message numerus="yes">
        <source>AlertDeck: %n critical alert(s) firing</source>
        <translation>
            <numerusform>AlertDeck：%n 条严重告警正在触发</numerusform>
        </translation>
    </message>
    <message>
        <source>Do not disturb: notifications are off</source>
        <translation>勿扰：通知已关闭</translation>
    </message>
</context>
<context>
    <name>WeComTool</name>
    <message>
        <source> — the robot&apos;s key is invalid: copy the webhook URL again</source>
        <translation> — 机器人的 key 无效：请重新复制 Webhook URL</translation>
    </message>
    <message>
        <source> — the robot sends at most 20 messages a minute</source>
        <translation> — 该机器人每分钟最多发送 20 条消息</translation>
    </message>
    <message>
        <source> — the message is larger than WeCom accepts</source>
        <translation> — 消息超出了企业微信允许的大小</translation>
    </message>
</context>
<context>
    <name>WebhookTemplate</name>
    <message>
        <source>The template is not valid JSON (at character %1: %2).</source>
        <translation>模板不是有效的 JSON（第 %1 个字符处：%2）。</translation>
    </message>
    <message>
        <source>Unknown placeholders: %1. Known: %2.</source>
        <translation>未知的占位符：%1。可用的有：%2。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>%1. Choose another address with --listen HOST:PORT.</source>
        <translation>%1。请使用 --listen 主机:端口 选择其他地址。</translation>
    </message>
    <message>
        <source>AlertDeck cannot start</source>
        <translation>AlertDeck 无法启动</translation>
    </message>
    <message>
        <source>Try &apos;%1 --help&apos; for the options.
</source>
        <translation>运行 &apos;%1 --help&apos; 查看可用选项。
</translation>
    </message>
    <message>
        <source>the default profile</source>
        <translation>默认配置档</translation>
    </message>
    <message>
        <source>profile &quot;%1&quot;</source>
        <translation>配置档“%1”</translation>
    </message>
    <message>
        <source>AlertDeck is already running (%1): its window was brought to the front.
</source>
        <translation>AlertDeck 已在运行（%1）：已将其窗口置于前台。
</translation>
    </message>
    <message>
        <source>AlertDeck is already running (%1). Stop it first, or run another profile with --profile NAME.</source>
        <translation>AlertDeck 已在运行（%1）。请先停止它，或用 --profile NAME 运行另一个配置档。</translation>
    </message>
    <message>
        <source>Configuration file</source>
        <translation>配置文件</translation>
    </message>
    <message>
        <source>%1 has problems, so AlertDeck runs with its saved settings.</source>
        <translation>%1 存在问题，AlertDeck 将使用已保存的设置运行。</translation>
    </message>
    <message>
        <source>%1 has problems; nothing was started.</source>
        <translation>%1 存在问题；未启动任何内容。</translation>
    </message>
</context>
</TS>
