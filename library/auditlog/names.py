"""Chinese names of everything the audit log holds: action codes, object types, detail keys
and the coded values inside details. A test checks that every action code the code can
write has its name here."""

from __future__ import annotations

from functools import cache

from ..validation import load_schema

# Every action code, in the order the action filter lists them (grouped by what they act on).
ACTION_NAMES: dict[str, str] = {
    "auth.login": "登录",
    "auth.login_failed": "登录失败",
    "auth.login_refused": "登录被拒（账号锁定中）",
    "auth.logout": "退出登录",
    "token.create": "获取访问令牌",
    "user.create": "新建账号",
    "user.update": "修改账号",
    "user.password_reset": "重置密码",
    "user.password_change": "修改密码",
    "user.deactivate": "停用账号",
    "user.reactivate": "启用账号",
    "user.unlock": "解除锁定",
    "unit.create": "新建单位",
    "unit.update": "修改单位",
    "unit.deactivate": "停用单位",
    "unit.reactivate": "启用单位",
    "theme.create": "新增主题",
    "theme.rename": "主题改名",
    "theme.move": "移动主题",
    "theme.merge": "合并主题",
    "theme.delete": "删除主题",
    "tag.create": "新增标签",
    "tag.rename": "标签改名",
    "tag.move": "调整标签顺序",
    "tag.merge": "合并标签",
    "tag.delete": "删除标签",
    "case.create": "新建案例",
    "case.update": "修改案例",
    "case.ingest": "批量导入案例",
    "case.names_confirmed": "确认文档中的名称",
    "case.submit": "提交审核",
    "case.withdraw": "撤回",
    "case.approve": "审核通过",
    "case.return": "退回",
    "case.publish": "发布入库",
    "review.create": "点评",
    "review.update": "修改点评",
    "call.create": "发布征集通知",
    "call.close": "结束征集",
    "call.remind": "截止提醒",
    "audit.export": "导出操作日志",
    "stats.weights": "设置考核计分权重",
    "values.import": "导入监测数据",
    "indicator.create": "新增监测指标",
    "indicator.update": "修改监测指标",
    "warning.rectify": "登记整改举措",
    "warning.close": "整改销号",
    "method.add": "新增整改方式",
    "method.update": "修改整改方式",
    "method.rename": "整改方式改名",
    "method.move": "调整整改方式顺序",
    "method.merge": "合并整改方式",
    "method.delete": "删除整改方式",
    "compilation.create": "生成案例汇编",
    "compilation.regenerate": "重新生成案例汇编",
    "briefing.send": "发送简报",
}

# The fields of an indicator (监测指标), as its 修改 audit row lists them.
INDICATOR_FIELDS: dict[str, str] = {
    "name": "指标名称",
    "group": "一级指标",
    "unit": "单位",
    "better": "方向",
    "better_title": "方向",
    "decimals": "小数位数",
    "global_best": "全球最佳",
    "global_best_economy": "全球最佳经济体",
    "global_best_value": "全球最佳值",
    "warning_line": "预警线",
    "warning_bottom": "末位预警名次",
    "warning_above_average": "高于平均值预警比例",
    "position": "位置",
    "aliases": "别名",
    "source": "来源",
    "definition": "指标说明",
    "id": "编号",
}

# The action filter's groups: an action code's prefix -> the group's title.
ACTION_GROUPS: dict[str, str] = {
    "auth": "登录",
    "token": "登录",
    "user": "账号",
    "unit": "单位",
    "theme": "主题与标签",
    "tag": "主题与标签",
    "case": "案例",
    "review": "点评",
    "call": "征集通知",
    "audit": "操作日志",
    "stats": "入库考核统计",
    "values": "监测预警",
    "indicator": "监测预警",
    "warning": "监测预警",
    "method": "整改方式",
    "compilation": "案例汇编与简报",
    "briefing": "案例汇编与简报",
}

OBJECT_TYPES: dict[str, str] = {
    "user": "账号",
    "unit": "单位",
    "case": "案例",
    "call": "征集通知",
    "theme": "主题",
    "tag": "标签",
    "audit": "操作日志",
    "stats_weights": "考核计分权重",
    "value_import": "监测数据导入",
    "indicator": "监测指标",
    "warning": "监测预警",
    "rectification_method": "整改方式",
    "compilation": "案例汇编",
    "briefing": "简报",
}

# Detail keys that are not 申报表 fields (those are named by their titles in the form).
DETAIL_TITLES: dict[str, str] = {
    "reason": "原因",
    "remote": "来源 IP",
    "failures": "连续失败次数",
    "display_name": "姓名",
    "username": "用户名",
    "role": "角色",
    "unit": "单位",
    "unit_id": "单位",
    "units": "目标单位",
    "region": "地区",
    "parent": "上级单位",
    "members": "单位账号",
    "from": "原状态",
    "to": "新状态",
    "status": "状态",
    "name": "名称",
    "file": "文件",
    "source": "来源",
    "changed": "修改的字段",
    "title": "标题",
    "deadline": "截止时间",
    "case_types": "接受的案例类型",
    "recommend": "推荐",
    "rating": "推荐指数",
    "comment": "点评意见",
    "recommendation_form": "推荐形式",
    "before": "修改前",
    "expires_at": "有效期至",
    "days_before": "提前天数",
    "notified": "通知人数",
    "anonymized": "已替换的地名、人名",
    "anonymized_file": "匿名化后的文件",
    "kept_possible": "保留的疑似名称",
    "names_in_file": "文档中留下的地名、人名",
    "names": "确认的名称",
    "kind": "类别",
    "group": "所属分组",
    "position": "位置",
    "into": "合并到",
    "cases": "涉及案例",
    "generated": "新密码",
    "tokens_revoked": "作废的访问令牌",
    "filters": "筛选条件",
    "rows": "行数",
    "actor": "操作人",
    "action": "操作",
    "object_type": "对象类型",
    "object_id": "对象编号",
    "date_from": "起始日期",
    "date_to": "截止日期",
    "indicator": "监测指标",
    "method": "整改方式",
    "rectification": "整改举措",
    "rectifications": "整改举措条数",
    "files": "佐证材料",
    "skipped": "跳过的行",
    "added": "新增",
    "removed": "删除",
    "periods": "期间",
    "warnings_raised": "新增预警",
    "dropped": "未收录的案例",
    "order": "排序",
    "recipients": "接收人数",
    "revision": "版本",
    "roles": "接收角色",
    "selection": "选取方式",
    "show_region": "显示地区",
    "note": "说明",
    "after": "修改后",
}

REASONS = {
    "unknown_user": "用户名不存在",
    "inactive": "账号已停用",
    "bad_password": "密码错误",
    "locked": "账号锁定中",
}
SOURCES = {"form": "网页或接口填报", "ingest": "批量导入", "demo": "演示数据"}
THEME_KINDS = {"group": "分组", "leaf": "主题"}


@cache
def field_titles() -> dict[str, str]:
    """The 申报表's field titles (schemas/case_form.json), and the 点评's."""
    out: dict[str, str] = {}
    for schema in ("review", "case_form"):
        for key, prop in load_schema(schema)["properties"].items():
            if prop.get("title"):
                out[key] = prop["title"]
    return out


def detail_title(key: str, object_type: str | None = None) -> str:
    """A detail key's title: a case's details by the 申报表's field titles first (name is
    案例名称 there), every other object's by :data:`DETAIL_TITLES` first (a unit's name is
    名称)."""
    if object_type == "case":
        return field_titles().get(key) or DETAIL_TITLES.get(key) or key
    return DETAIL_TITLES.get(key) or field_titles().get(key) or key


def action_name(code: str) -> str:
    return ACTION_NAMES.get(code, code)


def action_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """The action filter's options: (group title, [(code, name)]) in the table's order."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for code, name in ACTION_NAMES.items():
        title = ACTION_GROUPS.get(code.split(".", 1)[0], "其他")
        groups.setdefault(title, []).append((code, name))
    return list(groups.items())
