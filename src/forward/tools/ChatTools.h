#pragma once

class ChatTool;

// The one instance of each tool's format (see ChatTool::of).
namespace ChatTools {
const ChatTool &slack();
const ChatTool &dingTalk();
const ChatTool &feishu();
const ChatTool &weCom();
const ChatTool &teams();
const ChatTool &mattermost();
const ChatTool &telegram();
const ChatTool &discord();
const ChatTool &webhook();
} // namespace ChatTools
