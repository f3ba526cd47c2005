--
-- PostgreSQL database dump
--

\restrict GTN0jcSxMUItG1SZGGS7KoF3XvficCrMf5YibKVXlrEZlTxt7Uq90HVwyEuRZlw

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: api_tokens; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.api_tokens (
    id integer NOT NULL,
    user_id integer NOT NULL,
    token_hash character varying(64) NOT NULL,
    created_at timestamp without time zone NOT NULL,
    expires_at timestamp without time zone NOT NULL
);


--
-- Name: api_tokens_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.api_tokens_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: api_tokens_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.api_tokens_id_seq OWNED BY public.api_tokens.id;


--
-- Name: audit_events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_events (
    id integer NOT NULL,
    at timestamp without time zone NOT NULL,
    user_id integer,
    actor character varying(64) NOT NULL,
    action character varying(40) NOT NULL,
    object_type character varying(40) NOT NULL,
    object_id character varying(64),
    detail json
);


--
-- Name: audit_events_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.audit_events_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: audit_events_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.audit_events_id_seq OWNED BY public.audit_events.id;


--
-- Name: case_tags; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.case_tags (
    case_id integer NOT NULL,
    tag_id integer NOT NULL
);


--
-- Name: cases; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.cases (
    id integer NOT NULL,
    case_no character varying(20) NOT NULL,
    name character varying(200) NOT NULL,
    summary text NOT NULL,
    problem text,
    solution text,
    traditional_practice text,
    innovative_practice text,
    application_scenario text,
    theme_id integer,
    case_type character varying(30),
    borrowed_from_id integer,
    region_code character varying(6),
    unit_name character varying(100),
    unit_id integer,
    contact_name character varying(15),
    contact_phone character varying(30),
    published_at date,
    status character varying(20) NOT NULL,
    source character varying(20) NOT NULL,
    created_by_id integer,
    created_at timestamp without time zone NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    rating_avg double precision,
    rating_count integer NOT NULL,
    indexed_at timestamp without time zone,
    CONSTRAINT ck_case_status CHECK (((status)::text = ANY ((ARRAY['draft'::character varying, 'submitted'::character varying, 'approved'::character varying, 'published'::character varying, 'returned'::character varying, 'withdrawn'::character varying])::text[]))),
    CONSTRAINT ck_case_type CHECK (((case_type IS NULL) OR ((case_type)::text = ANY ((ARRAY['original'::character varying, 'innovation_borrowed'::character varying, 'rectification_borrowed'::character varying])::text[]))))
);


--
-- Name: cases_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.cases_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: cases_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.cases_id_seq OWNED BY public.cases.id;


--
-- Name: counters; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.counters (
    name character varying(40) NOT NULL,
    value integer NOT NULL
);


--
-- Name: documents; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.documents (
    id integer NOT NULL,
    case_id integer NOT NULL,
    original_name character varying(255) NOT NULL,
    sha256 character varying(64) NOT NULL,
    size integer NOT NULL,
    media_type character varying(120) NOT NULL,
    format character varying(10) NOT NULL,
    text text NOT NULL,
    pages integer,
    converter character varying(20),
    created_at timestamp without time zone NOT NULL
);


--
-- Name: documents_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.documents_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: documents_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.documents_id_seq OWNED BY public.documents.id;


--
-- Name: meta; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.meta (
    key character varying(40) NOT NULL,
    value text NOT NULL
);


--
-- Name: regions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.regions (
    code character varying(6) NOT NULL,
    name character varying(64) NOT NULL,
    level integer NOT NULL,
    parent_code character varying(6)
);


--
-- Name: reviews; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.reviews (
    id integer NOT NULL,
    case_id integer NOT NULL,
    user_id integer NOT NULL,
    recommend boolean NOT NULL,
    rating integer NOT NULL,
    comment text,
    recommendation_form character varying(40),
    created_at timestamp without time zone NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    CONSTRAINT ck_review_rating CHECK (((rating >= 1) AND (rating <= 5)))
);


--
-- Name: reviews_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.reviews_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: reviews_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.reviews_id_seq OWNED BY public.reviews.id;


--
-- Name: tags; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tags (
    id integer NOT NULL,
    name character varying(20) NOT NULL,
    "position" integer NOT NULL
);


--
-- Name: tags_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.tags_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: tags_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.tags_id_seq OWNED BY public.tags.id;


--
-- Name: themes; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.themes (
    id integer NOT NULL,
    name character varying(40) NOT NULL,
    parent_id integer,
    "position" integer NOT NULL
);


--
-- Name: themes_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.themes_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: themes_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.themes_id_seq OWNED BY public.themes.id;


--
-- Name: units; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.units (
    id integer NOT NULL,
    name character varying(100) NOT NULL,
    region_code character varying(6)
);


--
-- Name: units_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.units_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: units_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.units_id_seq OWNED BY public.units.id;


--
-- Name: users; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.users (
    id integer NOT NULL,
    username character varying(64) NOT NULL,
    display_name character varying(64) NOT NULL,
    password_hash character varying(256) NOT NULL,
    role character varying(20) NOT NULL,
    unit_id integer,
    region_code character varying(6),
    active boolean NOT NULL,
    failed_logins integer NOT NULL,
    locked_until timestamp without time zone,
    created_at timestamp without time zone NOT NULL,
    CONSTRAINT ck_user_role CHECK (((role)::text = ANY ((ARRAY['submitter'::character varying, 'approver'::character varying, 'coordinator'::character varying, 'reviewer'::character varying, 'admin'::character varying])::text[])))
);


--
-- Name: users_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.users_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: users_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.users_id_seq OWNED BY public.users.id;


--
-- Name: api_tokens id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_tokens ALTER COLUMN id SET DEFAULT nextval('public.api_tokens_id_seq'::regclass);


--
-- Name: audit_events id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_events ALTER COLUMN id SET DEFAULT nextval('public.audit_events_id_seq'::regclass);


--
-- Name: cases id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cases ALTER COLUMN id SET DEFAULT nextval('public.cases_id_seq'::regclass);


--
-- Name: documents id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.documents ALTER COLUMN id SET DEFAULT nextval('public.documents_id_seq'::regclass);


--
-- Name: reviews id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reviews ALTER COLUMN id SET DEFAULT nextval('public.reviews_id_seq'::regclass);


--
-- Name: tags id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tags ALTER COLUMN id SET DEFAULT nextval('public.tags_id_seq'::regclass);


--
-- Name: themes id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.themes ALTER COLUMN id SET DEFAULT nextval('public.themes_id_seq'::regclass);


--
-- Name: units id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.units ALTER COLUMN id SET DEFAULT nextval('public.units_id_seq'::regclass);


--
-- Name: users id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users ALTER COLUMN id SET DEFAULT nextval('public.users_id_seq'::regclass);


--
-- Data for Name: api_tokens; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.api_tokens VALUES (1, 5, 'a2b35175225d3adef9dc0d13a013c61844d3e90c4a4989f2ec09c85b67456f48', '2026-12-01 21:36:55.265265', '2026-12-31 21:36:55.262657');


--
-- Data for Name: audit_events; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.audit_events VALUES (1, '2026-12-01 21:36:54.287981', NULL, 'cli:root', 'case.ingest', 'case', 'YS2020-00001', '{"name": "\u5de5\u7a0b\u5efa\u8bbe\u9879\u76ee\u5ba1\u6279\u5236\u5ea6\u6539\u9769", "file": "/tmp/release-fixture-bsyvyn8n/pg/inputs/\u5de5\u7a0b\u5efa\u8bbe\u9879\u76ee\u5ba1\u6279\u5236\u5ea6\u6539\u97692020-06-01.md", "source": "ingest"}');
INSERT INTO public.audit_events VALUES (2, '2026-12-01 21:36:54.287981', NULL, 'cli:root', 'case.ingest', 'case', 'YS2026-00001', '{"name": "\u7eb3\u7a0e\u670d\u52a1\u4fbf\u5229\u5316\u6539\u9769", "file": "/tmp/release-fixture-bsyvyn8n/pg/inputs/\u7eb3\u7a0e\u670d\u52a1\u4fbf\u5229\u5316\u6539\u9769.md", "source": "ingest"}');
INSERT INTO public.audit_events VALUES (3, '2026-12-01 21:36:54.404408', NULL, 'cli:root', 'case.create', 'case', 'YS2021-00001', '{"name": "\u4f01\u4e1a\u5f00\u529e\u5168\u6d41\u7a0b\u4e00\u65e5\u529e\u7ed3\u6539\u9769", "source": "form", "file": "\u4f01\u4e1a\u5f00\u529e\u4e00\u65e5\u529e\u7ed3.docx", "anonymized": null}');
INSERT INTO public.audit_events VALUES (4, '2026-12-01 21:36:54.471662', NULL, 'cli:root', 'case.create', 'case', 'YS2021-00002', '{"name": "\u4e0d\u52a8\u4ea7\u767b\u8bb0\u4e00\u7a97\u53d7\u7406", "source": "form", "file": "\u4e0d\u52a8\u4ea7\u767b\u8bb0\u4e00\u7a97\u53d7\u7406.pdf", "anonymized": null}');
INSERT INTO public.audit_events VALUES (5, '2026-12-01 21:36:54.637707', NULL, 'cli:root', 'user.create', 'user', 'tianbao', '{"role": "submitter", "unit": "\u6912\u6c5f\u533a\u53d1\u5c55\u548c\u6539\u9769\u5c40", "region": "331002"}');
INSERT INTO public.audit_events VALUES (6, '2026-12-01 21:36:54.767573', NULL, 'cli:root', 'user.create', 'user', 'shenhe', '{"role": "approver", "unit": "\u6912\u6c5f\u533a\u53d1\u5c55\u548c\u6539\u9769\u5c40", "region": "331002"}');
INSERT INTO public.audit_events VALUES (7, '2026-12-01 21:36:54.897987', NULL, 'cli:root', 'user.create', 'user', 'yingshangban', '{"role": "coordinator", "unit": "\u53f0\u5dde\u5e02\u8425\u5546\u529e", "region": "331000"}');
INSERT INTO public.audit_events VALUES (8, '2026-12-01 21:36:55.031369', NULL, 'cli:root', 'user.create', 'user', 'shengting', '{"role": "reviewer", "unit": "\u6d59\u6c5f\u7701\u5e02\u573a\u76d1\u7763\u7ba1\u7406\u5c40", "region": "330000"}');
INSERT INTO public.audit_events VALUES (9, '2026-12-01 21:36:55.163034', NULL, 'cli:root', 'user.create', 'user', 'admin', '{"role": "admin", "unit": "\u6d59\u6c5f\u7701\u8425\u5546\u529e", "region": "330000"}');
INSERT INTO public.audit_events VALUES (10, '2026-12-01 21:36:55.181333', 4, 'shengting', 'review.create', 'case', 'YS2021-00001', '{"recommend": true, "rating": 5, "recommendation_form": "\u5178\u578b\u6848\u4f8b\u6c47\u7f16", "before": null}');
INSERT INTO public.audit_events VALUES (11, '2026-12-01 21:36:55.227843', 3, 'yingshangban', 'review.create', 'case', 'YS2021-00001', '{"recommend": true, "rating": 4, "recommendation_form": null, "before": null}');
INSERT INTO public.audit_events VALUES (12, '2026-12-01 21:36:55.26698', 5, 'admin', 'token.create', 'user', 'admin', '{"expires_at": "2026-12-31T21:36:55", "remote": null}');
INSERT INTO public.audit_events VALUES (13, '2026-12-01 21:36:55.394119', 1, 'tianbao', 'auth.login_failed', 'user', 'tianbao', '{"reason": "bad_password", "failures": 1, "remote": null}');


--
-- Data for Name: case_tags; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.case_tags VALUES (3, 1);
INSERT INTO public.case_tags VALUES (3, 2);
INSERT INTO public.case_tags VALUES (4, 13);
INSERT INTO public.case_tags VALUES (4, 25);


--
-- Data for Name: cases; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.cases VALUES (1, 'YS2020-00001', '工程建设项目审批制度改革', '推行工程建设项目分级分类审批，简化社会投资小型项目审批流程，实行联合审图、联合验收，审批时间压缩至八十个工作日以内。', NULL, NULL, NULL, NULL, NULL, 14, NULL, NULL, '330000', NULL, NULL, NULL, NULL, '2020-06-01', 'published', 'ingest', NULL, '2026-12-01 21:36:54.287981', '2026-12-01 21:36:54.287981', NULL, 0, '2026-12-01 21:36:54.287981');
INSERT INTO public.cases VALUES (2, 'YS2026-00001', '纳税服务便利化改革', '推行电子税务局全程网上办税，发票申领当日办结，非接触式办税缴费比例超过九成，纳税人满意度持续提升。', NULL, NULL, NULL, NULL, NULL, 14, NULL, NULL, '330000', NULL, NULL, NULL, NULL, NULL, 'published', 'ingest', NULL, '2026-12-01 21:36:54.287981', '2026-12-01 21:36:54.287981', NULL, 0, '2026-12-01 21:36:54.287981');
INSERT INTO public.cases VALUES (4, 'YS2021-00002', '不动产登记一窗受理', '不动产登记、税费缴纳一窗受理，登记时间压缩至一个工作日。', '企业开办环节多、材料多、跑动多。', '整合部门事项为一件事，线上全程网办，线下一窗通办。', '申请人依次到各部门窗口分别办理，材料重复提交。', '一表填报，系统自动分发，后台并联审核，当日办结。', '适用于各类企业设立登记。', 9, 'innovation_borrowed', 3, '331002', '区市场监督管理局', NULL, '联系人甲', '13800001234', '2021-08-02', 'published', 'form', NULL, '2026-12-01 21:36:54.469392', '2026-12-01 21:36:54.46941', NULL, 0, '2026-12-01 21:36:54.473639');
INSERT INTO public.cases VALUES (3, 'YS2021-00001', '企业开办全流程一日办结改革', '推行企业开办一网通办，一表填报、一窗受理、一日办结。', '企业开办环节多、材料多、跑动多。', '整合部门事项为一件事，线上全程网办，线下一窗通办。', '申请人依次到各部门窗口分别办理，材料重复提交。', '一表填报，系统自动分发，后台并联审核，当日办结。', '适用于各类企业设立登记。', 2, 'original', NULL, '331002', '区市场监督管理局', NULL, '联系人甲', '13800001234', '2021-05-20', 'published', 'form', NULL, '2026-12-01 21:36:54.399333', '2026-12-01 21:36:55.226969', 4.5, 2, '2026-12-01 21:36:55.23256');


--
-- Data for Name: counters; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.counters VALUES ('case_no:2020', 1);
INSERT INTO public.counters VALUES ('case_no:2026', 1);
INSERT INTO public.counters VALUES ('case_no:2021', 2);


--
-- Data for Name: documents; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.documents VALUES (1, 1, '工程建设项目审批制度改革2020-06-01.md', '478620d6e34d08e335899bbe29fd6ed977a9c77806f36854afa16b26ed6919c3', 215, 'text/markdown', 'md', '工程建设项目审批制度改革
推行工程建设项目分级分类审批，简化社会投资小型项目审批流程，实行联合审图、联合验收，审批时间压缩至八十个工作日以内。', NULL, NULL, '2026-12-01 21:36:54.287981');
INSERT INTO public.documents VALUES (2, 2, '纳税服务便利化改革.md', 'a59385d159c437c33713c4f7c64c73999fa57129bf173cef5bfd82a08a10d018', 179, 'text/markdown', 'md', '纳税服务便利化改革
推行电子税务局全程网上办税，发票申领当日办结，非接触式办税缴费比例超过九成，纳税人满意度持续提升。', NULL, NULL, '2026-12-01 21:36:54.287981');
INSERT INTO public.documents VALUES (3, 3, '企业开办一日办结.docx', '8f535c30a5d9899bd9f7d6f0b86e6c810678ef085ee705710fcff77e68e9a0fc', 36771, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx', '企业开办全流程一日办结改革
针对企业开办环节多的问题，推行一网通办。
改革后企业开办时间压缩至一个工作日。', NULL, NULL, '2026-12-01 21:36:54.405917');
INSERT INTO public.documents VALUES (4, 4, '不动产登记一窗受理.pdf', 'f221b2f2e4040c718d3dc5bbce2e1f8da99743e20442ef6059d2656dff38b082', 2522, 'application/pdf', 'pdf', '不动产登记与交易、缴税业务整合为一窗受理，并联办理。
登记时间由十个工作日压缩至一个工作日。', 1, NULL, '2026-12-01 21:36:54.472322');


--
-- Data for Name: meta; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.meta VALUES ('db_schema_version', '1');


--
-- Data for Name: regions; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.regions VALUES ('110000', '北京市', 1, NULL);
INSERT INTO public.regions VALUES ('120000', '天津市', 1, NULL);
INSERT INTO public.regions VALUES ('130000', '河北省', 1, NULL);
INSERT INTO public.regions VALUES ('140000', '山西省', 1, NULL);
INSERT INTO public.regions VALUES ('150000', '内蒙古自治区', 1, NULL);
INSERT INTO public.regions VALUES ('210000', '辽宁省', 1, NULL);
INSERT INTO public.regions VALUES ('220000', '吉林省', 1, NULL);
INSERT INTO public.regions VALUES ('230000', '黑龙江省', 1, NULL);
INSERT INTO public.regions VALUES ('310000', '上海市', 1, NULL);
INSERT INTO public.regions VALUES ('320000', '江苏省', 1, NULL);
INSERT INTO public.regions VALUES ('330000', '浙江省', 1, NULL);
INSERT INTO public.regions VALUES ('340000', '安徽省', 1, NULL);
INSERT INTO public.regions VALUES ('350000', '福建省', 1, NULL);
INSERT INTO public.regions VALUES ('360000', '江西省', 1, NULL);
INSERT INTO public.regions VALUES ('370000', '山东省', 1, NULL);
INSERT INTO public.regions VALUES ('410000', '河南省', 1, NULL);
INSERT INTO public.regions VALUES ('420000', '湖北省', 1, NULL);
INSERT INTO public.regions VALUES ('430000', '湖南省', 1, NULL);
INSERT INTO public.regions VALUES ('440000', '广东省', 1, NULL);
INSERT INTO public.regions VALUES ('450000', '广西壮族自治区', 1, NULL);
INSERT INTO public.regions VALUES ('460000', '海南省', 1, NULL);
INSERT INTO public.regions VALUES ('500000', '重庆市', 1, NULL);
INSERT INTO public.regions VALUES ('510000', '四川省', 1, NULL);
INSERT INTO public.regions VALUES ('520000', '贵州省', 1, NULL);
INSERT INTO public.regions VALUES ('530000', '云南省', 1, NULL);
INSERT INTO public.regions VALUES ('540000', '西藏自治区', 1, NULL);
INSERT INTO public.regions VALUES ('610000', '陕西省', 1, NULL);
INSERT INTO public.regions VALUES ('620000', '甘肃省', 1, NULL);
INSERT INTO public.regions VALUES ('630000', '青海省', 1, NULL);
INSERT INTO public.regions VALUES ('640000', '宁夏回族自治区', 1, NULL);
INSERT INTO public.regions VALUES ('650000', '新疆维吾尔自治区', 1, NULL);
INSERT INTO public.regions VALUES ('110100', '北京市', 2, '110000');
INSERT INTO public.regions VALUES ('120100', '天津市', 2, '120000');
INSERT INTO public.regions VALUES ('130100', '石家庄市', 2, '130000');
INSERT INTO public.regions VALUES ('130200', '唐山市', 2, '130000');
INSERT INTO public.regions VALUES ('130300', '秦皇岛市', 2, '130000');
INSERT INTO public.regions VALUES ('130400', '邯郸市', 2, '130000');
INSERT INTO public.regions VALUES ('130500', '邢台市', 2, '130000');
INSERT INTO public.regions VALUES ('130600', '保定市', 2, '130000');
INSERT INTO public.regions VALUES ('130700', '张家口市', 2, '130000');
INSERT INTO public.regions VALUES ('130800', '承德市', 2, '130000');
INSERT INTO public.regions VALUES ('130900', '沧州市', 2, '130000');
INSERT INTO public.regions VALUES ('131000', '廊坊市', 2, '130000');
INSERT INTO public.regions VALUES ('131100', '衡水市', 2, '130000');
INSERT INTO public.regions VALUES ('140100', '太原市', 2, '140000');
INSERT INTO public.regions VALUES ('140200', '大同市', 2, '140000');
INSERT INTO public.regions VALUES ('140300', '阳泉市', 2, '140000');
INSERT INTO public.regions VALUES ('140400', '长治市', 2, '140000');
INSERT INTO public.regions VALUES ('140500', '晋城市', 2, '140000');
INSERT INTO public.regions VALUES ('140600', '朔州市', 2, '140000');
INSERT INTO public.regions VALUES ('140700', '晋中市', 2, '140000');
INSERT INTO public.regions VALUES ('140800', '运城市', 2, '140000');
INSERT INTO public.regions VALUES ('140900', '忻州市', 2, '140000');
INSERT INTO public.regions VALUES ('141000', '临汾市', 2, '140000');
INSERT INTO public.regions VALUES ('141100', '吕梁市', 2, '140000');
INSERT INTO public.regions VALUES ('150100', '呼和浩特市', 2, '150000');
INSERT INTO public.regions VALUES ('150200', '包头市', 2, '150000');
INSERT INTO public.regions VALUES ('150300', '乌海市', 2, '150000');
INSERT INTO public.regions VALUES ('150400', '赤峰市', 2, '150000');
INSERT INTO public.regions VALUES ('150500', '通辽市', 2, '150000');
INSERT INTO public.regions VALUES ('150600', '鄂尔多斯市', 2, '150000');
INSERT INTO public.regions VALUES ('150700', '呼伦贝尔市', 2, '150000');
INSERT INTO public.regions VALUES ('150800', '巴彦淖尔市', 2, '150000');
INSERT INTO public.regions VALUES ('150900', '乌兰察布市', 2, '150000');
INSERT INTO public.regions VALUES ('152200', '兴安盟', 2, '150000');
INSERT INTO public.regions VALUES ('152500', '锡林郭勒盟', 2, '150000');
INSERT INTO public.regions VALUES ('152900', '阿拉善盟', 2, '150000');
INSERT INTO public.regions VALUES ('210100', '沈阳市', 2, '210000');
INSERT INTO public.regions VALUES ('210200', '大连市', 2, '210000');
INSERT INTO public.regions VALUES ('210300', '鞍山市', 2, '210000');
INSERT INTO public.regions VALUES ('210400', '抚顺市', 2, '210000');
INSERT INTO public.regions VALUES ('210500', '本溪市', 2, '210000');
INSERT INTO public.regions VALUES ('210600', '丹东市', 2, '210000');
INSERT INTO public.regions VALUES ('210700', '锦州市', 2, '210000');
INSERT INTO public.regions VALUES ('210800', '营口市', 2, '210000');
INSERT INTO public.regions VALUES ('210900', '阜新市', 2, '210000');
INSERT INTO public.regions VALUES ('211000', '辽阳市', 2, '210000');
INSERT INTO public.regions VALUES ('211100', '盘锦市', 2, '210000');
INSERT INTO public.regions VALUES ('211200', '铁岭市', 2, '210000');
INSERT INTO public.regions VALUES ('211300', '朝阳市', 2, '210000');
INSERT INTO public.regions VALUES ('211400', '葫芦岛市', 2, '210000');
INSERT INTO public.regions VALUES ('220100', '长春市', 2, '220000');
INSERT INTO public.regions VALUES ('220200', '吉林市', 2, '220000');
INSERT INTO public.regions VALUES ('220300', '四平市', 2, '220000');
INSERT INTO public.regions VALUES ('220400', '辽源市', 2, '220000');
INSERT INTO public.regions VALUES ('220500', '通化市', 2, '220000');
INSERT INTO public.regions VALUES ('220600', '白山市', 2, '220000');
INSERT INTO public.regions VALUES ('220700', '松原市', 2, '220000');
INSERT INTO public.regions VALUES ('220800', '白城市', 2, '220000');
INSERT INTO public.regions VALUES ('222400', '延边朝鲜族自治州', 2, '220000');
INSERT INTO public.regions VALUES ('230100', '哈尔滨市', 2, '230000');
INSERT INTO public.regions VALUES ('230200', '齐齐哈尔市', 2, '230000');
INSERT INTO public.regions VALUES ('230300', '鸡西市', 2, '230000');
INSERT INTO public.regions VALUES ('230400', '鹤岗市', 2, '230000');
INSERT INTO public.regions VALUES ('230500', '双鸭山市', 2, '230000');
INSERT INTO public.regions VALUES ('230600', '大庆市', 2, '230000');
INSERT INTO public.regions VALUES ('230700', '伊春市', 2, '230000');
INSERT INTO public.regions VALUES ('230800', '佳木斯市', 2, '230000');
INSERT INTO public.regions VALUES ('230900', '七台河市', 2, '230000');
INSERT INTO public.regions VALUES ('231000', '牡丹江市', 2, '230000');
INSERT INTO public.regions VALUES ('231100', '黑河市', 2, '230000');
INSERT INTO public.regions VALUES ('231200', '绥化市', 2, '230000');
INSERT INTO public.regions VALUES ('232700', '大兴安岭地区', 2, '230000');
INSERT INTO public.regions VALUES ('310100', '上海市', 2, '310000');
INSERT INTO public.regions VALUES ('320100', '南京市', 2, '320000');
INSERT INTO public.regions VALUES ('320200', '无锡市', 2, '320000');
INSERT INTO public.regions VALUES ('320300', '徐州市', 2, '320000');
INSERT INTO public.regions VALUES ('320400', '常州市', 2, '320000');
INSERT INTO public.regions VALUES ('320500', '苏州市', 2, '320000');
INSERT INTO public.regions VALUES ('320600', '南通市', 2, '320000');
INSERT INTO public.regions VALUES ('320700', '连云港市', 2, '320000');
INSERT INTO public.regions VALUES ('320800', '淮安市', 2, '320000');
INSERT INTO public.regions VALUES ('320900', '盐城市', 2, '320000');
INSERT INTO public.regions VALUES ('321000', '扬州市', 2, '320000');
INSERT INTO public.regions VALUES ('321100', '镇江市', 2, '320000');
INSERT INTO public.regions VALUES ('321200', '泰州市', 2, '320000');
INSERT INTO public.regions VALUES ('321300', '宿迁市', 2, '320000');
INSERT INTO public.regions VALUES ('330100', '杭州市', 2, '330000');
INSERT INTO public.regions VALUES ('330200', '宁波市', 2, '330000');
INSERT INTO public.regions VALUES ('330300', '温州市', 2, '330000');
INSERT INTO public.regions VALUES ('330400', '嘉兴市', 2, '330000');
INSERT INTO public.regions VALUES ('330500', '湖州市', 2, '330000');
INSERT INTO public.regions VALUES ('330600', '绍兴市', 2, '330000');
INSERT INTO public.regions VALUES ('330700', '金华市', 2, '330000');
INSERT INTO public.regions VALUES ('330800', '衢州市', 2, '330000');
INSERT INTO public.regions VALUES ('330900', '舟山市', 2, '330000');
INSERT INTO public.regions VALUES ('331000', '台州市', 2, '330000');
INSERT INTO public.regions VALUES ('331100', '丽水市', 2, '330000');
INSERT INTO public.regions VALUES ('340100', '合肥市', 2, '340000');
INSERT INTO public.regions VALUES ('340200', '芜湖市', 2, '340000');
INSERT INTO public.regions VALUES ('340300', '蚌埠市', 2, '340000');
INSERT INTO public.regions VALUES ('340400', '淮南市', 2, '340000');
INSERT INTO public.regions VALUES ('340500', '马鞍山市', 2, '340000');
INSERT INTO public.regions VALUES ('340600', '淮北市', 2, '340000');
INSERT INTO public.regions VALUES ('340700', '铜陵市', 2, '340000');
INSERT INTO public.regions VALUES ('340800', '安庆市', 2, '340000');
INSERT INTO public.regions VALUES ('341000', '黄山市', 2, '340000');
INSERT INTO public.regions VALUES ('341100', '滁州市', 2, '340000');
INSERT INTO public.regions VALUES ('341200', '阜阳市', 2, '340000');
INSERT INTO public.regions VALUES ('341300', '宿州市', 2, '340000');
INSERT INTO public.regions VALUES ('341500', '六安市', 2, '340000');
INSERT INTO public.regions VALUES ('341600', '亳州市', 2, '340000');
INSERT INTO public.regions VALUES ('341700', '池州市', 2, '340000');
INSERT INTO public.regions VALUES ('341800', '宣城市', 2, '340000');
INSERT INTO public.regions VALUES ('350100', '福州市', 2, '350000');
INSERT INTO public.regions VALUES ('350200', '厦门市', 2, '350000');
INSERT INTO public.regions VALUES ('350300', '莆田市', 2, '350000');
INSERT INTO public.regions VALUES ('350400', '三明市', 2, '350000');
INSERT INTO public.regions VALUES ('350500', '泉州市', 2, '350000');
INSERT INTO public.regions VALUES ('350600', '漳州市', 2, '350000');
INSERT INTO public.regions VALUES ('350700', '南平市', 2, '350000');
INSERT INTO public.regions VALUES ('350800', '龙岩市', 2, '350000');
INSERT INTO public.regions VALUES ('350900', '宁德市', 2, '350000');
INSERT INTO public.regions VALUES ('360100', '南昌市', 2, '360000');
INSERT INTO public.regions VALUES ('360200', '景德镇市', 2, '360000');
INSERT INTO public.regions VALUES ('360300', '萍乡市', 2, '360000');
INSERT INTO public.regions VALUES ('360400', '九江市', 2, '360000');
INSERT INTO public.regions VALUES ('360500', '新余市', 2, '360000');
INSERT INTO public.regions VALUES ('360600', '鹰潭市', 2, '360000');
INSERT INTO public.regions VALUES ('360700', '赣州市', 2, '360000');
INSERT INTO public.regions VALUES ('360800', '吉安市', 2, '360000');
INSERT INTO public.regions VALUES ('360900', '宜春市', 2, '360000');
INSERT INTO public.regions VALUES ('361000', '抚州市', 2, '360000');
INSERT INTO public.regions VALUES ('361100', '上饶市', 2, '360000');
INSERT INTO public.regions VALUES ('370100', '济南市', 2, '370000');
INSERT INTO public.regions VALUES ('370200', '青岛市', 2, '370000');
INSERT INTO public.regions VALUES ('370300', '淄博市', 2, '370000');
INSERT INTO public.regions VALUES ('370400', '枣庄市', 2, '370000');
INSERT INTO public.regions VALUES ('370500', '东营市', 2, '370000');
INSERT INTO public.regions VALUES ('370600', '烟台市', 2, '370000');
INSERT INTO public.regions VALUES ('370700', '潍坊市', 2, '370000');
INSERT INTO public.regions VALUES ('370800', '济宁市', 2, '370000');
INSERT INTO public.regions VALUES ('370900', '泰安市', 2, '370000');
INSERT INTO public.regions VALUES ('371000', '威海市', 2, '370000');
INSERT INTO public.regions VALUES ('371100', '日照市', 2, '370000');
INSERT INTO public.regions VALUES ('371300', '临沂市', 2, '370000');
INSERT INTO public.regions VALUES ('371400', '德州市', 2, '370000');
INSERT INTO public.regions VALUES ('371500', '聊城市', 2, '370000');
INSERT INTO public.regions VALUES ('371600', '滨州市', 2, '370000');
INSERT INTO public.regions VALUES ('371700', '菏泽市', 2, '370000');
INSERT INTO public.regions VALUES ('410100', '郑州市', 2, '410000');
INSERT INTO public.regions VALUES ('410200', '开封市', 2, '410000');
INSERT INTO public.regions VALUES ('410300', '洛阳市', 2, '410000');
INSERT INTO public.regions VALUES ('410400', '平顶山市', 2, '410000');
INSERT INTO public.regions VALUES ('410500', '安阳市', 2, '410000');
INSERT INTO public.regions VALUES ('410600', '鹤壁市', 2, '410000');
INSERT INTO public.regions VALUES ('410700', '新乡市', 2, '410000');
INSERT INTO public.regions VALUES ('410800', '焦作市', 2, '410000');
INSERT INTO public.regions VALUES ('410900', '濮阳市', 2, '410000');
INSERT INTO public.regions VALUES ('411000', '许昌市', 2, '410000');
INSERT INTO public.regions VALUES ('411100', '漯河市', 2, '410000');
INSERT INTO public.regions VALUES ('411200', '三门峡市', 2, '410000');
INSERT INTO public.regions VALUES ('411300', '南阳市', 2, '410000');
INSERT INTO public.regions VALUES ('411400', '商丘市', 2, '410000');
INSERT INTO public.regions VALUES ('411500', '信阳市', 2, '410000');
INSERT INTO public.regions VALUES ('411600', '周口市', 2, '410000');
INSERT INTO public.regions VALUES ('411700', '驻马店市', 2, '410000');
INSERT INTO public.regions VALUES ('419000', '省直辖县级行政区划', 2, '410000');
INSERT INTO public.regions VALUES ('420100', '武汉市', 2, '420000');
INSERT INTO public.regions VALUES ('420200', '黄石市', 2, '420000');
INSERT INTO public.regions VALUES ('420300', '十堰市', 2, '420000');
INSERT INTO public.regions VALUES ('420500', '宜昌市', 2, '420000');
INSERT INTO public.regions VALUES ('420600', '襄阳市', 2, '420000');
INSERT INTO public.regions VALUES ('420700', '鄂州市', 2, '420000');
INSERT INTO public.regions VALUES ('420800', '荆门市', 2, '420000');
INSERT INTO public.regions VALUES ('420900', '孝感市', 2, '420000');
INSERT INTO public.regions VALUES ('421000', '荆州市', 2, '420000');
INSERT INTO public.regions VALUES ('421100', '黄冈市', 2, '420000');
INSERT INTO public.regions VALUES ('421200', '咸宁市', 2, '420000');
INSERT INTO public.regions VALUES ('421300', '随州市', 2, '420000');
INSERT INTO public.regions VALUES ('422800', '恩施土家族苗族自治州', 2, '420000');
INSERT INTO public.regions VALUES ('429000', '省直辖县级行政区划', 2, '420000');
INSERT INTO public.regions VALUES ('430100', '长沙市', 2, '430000');
INSERT INTO public.regions VALUES ('430200', '株洲市', 2, '430000');
INSERT INTO public.regions VALUES ('430300', '湘潭市', 2, '430000');
INSERT INTO public.regions VALUES ('430400', '衡阳市', 2, '430000');
INSERT INTO public.regions VALUES ('430500', '邵阳市', 2, '430000');
INSERT INTO public.regions VALUES ('430600', '岳阳市', 2, '430000');
INSERT INTO public.regions VALUES ('430700', '常德市', 2, '430000');
INSERT INTO public.regions VALUES ('430800', '张家界市', 2, '430000');
INSERT INTO public.regions VALUES ('430900', '益阳市', 2, '430000');
INSERT INTO public.regions VALUES ('431000', '郴州市', 2, '430000');
INSERT INTO public.regions VALUES ('431100', '永州市', 2, '430000');
INSERT INTO public.regions VALUES ('431200', '怀化市', 2, '430000');
INSERT INTO public.regions VALUES ('431300', '娄底市', 2, '430000');
INSERT INTO public.regions VALUES ('433100', '湘西土家族苗族自治州', 2, '430000');
INSERT INTO public.regions VALUES ('440100', '广州市', 2, '440000');
INSERT INTO public.regions VALUES ('440200', '韶关市', 2, '440000');
INSERT INTO public.regions VALUES ('440300', '深圳市', 2, '440000');
INSERT INTO public.regions VALUES ('440400', '珠海市', 2, '440000');
INSERT INTO public.regions VALUES ('440500', '汕头市', 2, '440000');
INSERT INTO public.regions VALUES ('440600', '佛山市', 2, '440000');
INSERT INTO public.regions VALUES ('440700', '江门市', 2, '440000');
INSERT INTO public.regions VALUES ('440800', '湛江市', 2, '440000');
INSERT INTO public.regions VALUES ('440900', '茂名市', 2, '440000');
INSERT INTO public.regions VALUES ('441200', '肇庆市', 2, '440000');
INSERT INTO public.regions VALUES ('441300', '惠州市', 2, '440000');
INSERT INTO public.regions VALUES ('441400', '梅州市', 2, '440000');
INSERT INTO public.regions VALUES ('441500', '汕尾市', 2, '440000');
INSERT INTO public.regions VALUES ('441600', '河源市', 2, '440000');
INSERT INTO public.regions VALUES ('441700', '阳江市', 2, '440000');
INSERT INTO public.regions VALUES ('441800', '清远市', 2, '440000');
INSERT INTO public.regions VALUES ('445100', '潮州市', 2, '440000');
INSERT INTO public.regions VALUES ('445200', '揭阳市', 2, '440000');
INSERT INTO public.regions VALUES ('445300', '云浮市', 2, '440000');
INSERT INTO public.regions VALUES ('450100', '南宁市', 2, '450000');
INSERT INTO public.regions VALUES ('450200', '柳州市', 2, '450000');
INSERT INTO public.regions VALUES ('450300', '桂林市', 2, '450000');
INSERT INTO public.regions VALUES ('450400', '梧州市', 2, '450000');
INSERT INTO public.regions VALUES ('450500', '北海市', 2, '450000');
INSERT INTO public.regions VALUES ('450600', '防城港市', 2, '450000');
INSERT INTO public.regions VALUES ('450700', '钦州市', 2, '450000');
INSERT INTO public.regions VALUES ('450800', '贵港市', 2, '450000');
INSERT INTO public.regions VALUES ('450900', '玉林市', 2, '450000');
INSERT INTO public.regions VALUES ('451000', '百色市', 2, '450000');
INSERT INTO public.regions VALUES ('451100', '贺州市', 2, '450000');
INSERT INTO public.regions VALUES ('451200', '河池市', 2, '450000');
INSERT INTO public.regions VALUES ('451300', '来宾市', 2, '450000');
INSERT INTO public.regions VALUES ('451400', '崇左市', 2, '450000');
INSERT INTO public.regions VALUES ('460100', '海口市', 2, '460000');
INSERT INTO public.regions VALUES ('460200', '三亚市', 2, '460000');
INSERT INTO public.regions VALUES ('460300', '三沙市', 2, '460000');
INSERT INTO public.regions VALUES ('469000', '省直辖县级行政区划', 2, '460000');
INSERT INTO public.regions VALUES ('500100', '重庆市', 2, '500000');
INSERT INTO public.regions VALUES ('500200', '重庆市（县）', 2, '500000');
INSERT INTO public.regions VALUES ('510100', '成都市', 2, '510000');
INSERT INTO public.regions VALUES ('510300', '自贡市', 2, '510000');
INSERT INTO public.regions VALUES ('510400', '攀枝花市', 2, '510000');
INSERT INTO public.regions VALUES ('510500', '泸州市', 2, '510000');
INSERT INTO public.regions VALUES ('510600', '德阳市', 2, '510000');
INSERT INTO public.regions VALUES ('510700', '绵阳市', 2, '510000');
INSERT INTO public.regions VALUES ('510800', '广元市', 2, '510000');
INSERT INTO public.regions VALUES ('510900', '遂宁市', 2, '510000');
INSERT INTO public.regions VALUES ('511000', '内江市', 2, '510000');
INSERT INTO public.regions VALUES ('511100', '乐山市', 2, '510000');
INSERT INTO public.regions VALUES ('511300', '南充市', 2, '510000');
INSERT INTO public.regions VALUES ('511400', '眉山市', 2, '510000');
INSERT INTO public.regions VALUES ('511500', '宜宾市', 2, '510000');
INSERT INTO public.regions VALUES ('511600', '广安市', 2, '510000');
INSERT INTO public.regions VALUES ('511700', '达州市', 2, '510000');
INSERT INTO public.regions VALUES ('511800', '雅安市', 2, '510000');
INSERT INTO public.regions VALUES ('511900', '巴中市', 2, '510000');
INSERT INTO public.regions VALUES ('512000', '资阳市', 2, '510000');
INSERT INTO public.regions VALUES ('513200', '阿坝藏族羌族自治州', 2, '510000');
INSERT INTO public.regions VALUES ('513300', '甘孜藏族自治州', 2, '510000');
INSERT INTO public.regions VALUES ('513400', '凉山彝族自治州', 2, '510000');
INSERT INTO public.regions VALUES ('520100', '贵阳市', 2, '520000');
INSERT INTO public.regions VALUES ('520200', '六盘水市', 2, '520000');
INSERT INTO public.regions VALUES ('520300', '遵义市', 2, '520000');
INSERT INTO public.regions VALUES ('520400', '安顺市', 2, '520000');
INSERT INTO public.regions VALUES ('520500', '毕节市', 2, '520000');
INSERT INTO public.regions VALUES ('520600', '铜仁市', 2, '520000');
INSERT INTO public.regions VALUES ('522300', '黔西南布依族苗族自治州', 2, '520000');
INSERT INTO public.regions VALUES ('522600', '黔东南苗族侗族自治州', 2, '520000');
INSERT INTO public.regions VALUES ('522700', '黔南布依族苗族自治州', 2, '520000');
INSERT INTO public.regions VALUES ('530100', '昆明市', 2, '530000');
INSERT INTO public.regions VALUES ('530300', '曲靖市', 2, '530000');
INSERT INTO public.regions VALUES ('530400', '玉溪市', 2, '530000');
INSERT INTO public.regions VALUES ('530500', '保山市', 2, '530000');
INSERT INTO public.regions VALUES ('530600', '昭通市', 2, '530000');
INSERT INTO public.regions VALUES ('530700', '丽江市', 2, '530000');
INSERT INTO public.regions VALUES ('530800', '普洱市', 2, '530000');
INSERT INTO public.regions VALUES ('530900', '临沧市', 2, '530000');
INSERT INTO public.regions VALUES ('532300', '楚雄彝族自治州', 2, '530000');
INSERT INTO public.regions VALUES ('532500', '红河哈尼族彝族自治州', 2, '530000');
INSERT INTO public.regions VALUES ('532600', '文山壮族苗族自治州', 2, '530000');
INSERT INTO public.regions VALUES ('532800', '西双版纳傣族自治州', 2, '530000');
INSERT INTO public.regions VALUES ('532900', '大理白族自治州', 2, '530000');
INSERT INTO public.regions VALUES ('533100', '德宏傣族景颇族自治州', 2, '530000');
INSERT INTO public.regions VALUES ('533300', '怒江傈僳族自治州', 2, '530000');
INSERT INTO public.regions VALUES ('533400', '迪庆藏族自治州', 2, '530000');
INSERT INTO public.regions VALUES ('540100', '拉萨市', 2, '540000');
INSERT INTO public.regions VALUES ('540200', '日喀则市', 2, '540000');
INSERT INTO public.regions VALUES ('540300', '昌都市', 2, '540000');
INSERT INTO public.regions VALUES ('540400', '林芝市', 2, '540000');
INSERT INTO public.regions VALUES ('540500', '山南市', 2, '540000');
INSERT INTO public.regions VALUES ('540600', '那曲市', 2, '540000');
INSERT INTO public.regions VALUES ('542500', '阿里地区', 2, '540000');
INSERT INTO public.regions VALUES ('610100', '西安市', 2, '610000');
INSERT INTO public.regions VALUES ('610200', '铜川市', 2, '610000');
INSERT INTO public.regions VALUES ('610300', '宝鸡市', 2, '610000');
INSERT INTO public.regions VALUES ('610400', '咸阳市', 2, '610000');
INSERT INTO public.regions VALUES ('610500', '渭南市', 2, '610000');
INSERT INTO public.regions VALUES ('610600', '延安市', 2, '610000');
INSERT INTO public.regions VALUES ('610700', '汉中市', 2, '610000');
INSERT INTO public.regions VALUES ('610800', '榆林市', 2, '610000');
INSERT INTO public.regions VALUES ('610900', '安康市', 2, '610000');
INSERT INTO public.regions VALUES ('611000', '商洛市', 2, '610000');
INSERT INTO public.regions VALUES ('620100', '兰州市', 2, '620000');
INSERT INTO public.regions VALUES ('620200', '嘉峪关市', 2, '620000');
INSERT INTO public.regions VALUES ('620300', '金昌市', 2, '620000');
INSERT INTO public.regions VALUES ('620400', '白银市', 2, '620000');
INSERT INTO public.regions VALUES ('620500', '天水市', 2, '620000');
INSERT INTO public.regions VALUES ('620600', '武威市', 2, '620000');
INSERT INTO public.regions VALUES ('620700', '张掖市', 2, '620000');
INSERT INTO public.regions VALUES ('620800', '平凉市', 2, '620000');
INSERT INTO public.regions VALUES ('620900', '酒泉市', 2, '620000');
INSERT INTO public.regions VALUES ('621000', '庆阳市', 2, '620000');
INSERT INTO public.regions VALUES ('621100', '定西市', 2, '620000');
INSERT INTO public.regions VALUES ('621200', '陇南市', 2, '620000');
INSERT INTO public.regions VALUES ('622900', '临夏回族自治州', 2, '620000');
INSERT INTO public.regions VALUES ('623000', '甘南藏族自治州', 2, '620000');
INSERT INTO public.regions VALUES ('630100', '西宁市', 2, '630000');
INSERT INTO public.regions VALUES ('630200', '海东市', 2, '630000');
INSERT INTO public.regions VALUES ('632200', '海北藏族自治州', 2, '630000');
INSERT INTO public.regions VALUES ('632300', '黄南藏族自治州', 2, '630000');
INSERT INTO public.regions VALUES ('632500', '海南藏族自治州', 2, '630000');
INSERT INTO public.regions VALUES ('632600', '果洛藏族自治州', 2, '630000');
INSERT INTO public.regions VALUES ('632700', '玉树藏族自治州', 2, '630000');
INSERT INTO public.regions VALUES ('632800', '海西蒙古族藏族自治州', 2, '630000');
INSERT INTO public.regions VALUES ('640100', '银川市', 2, '640000');
INSERT INTO public.regions VALUES ('640200', '石嘴山市', 2, '640000');
INSERT INTO public.regions VALUES ('640300', '吴忠市', 2, '640000');
INSERT INTO public.regions VALUES ('640400', '固原市', 2, '640000');
INSERT INTO public.regions VALUES ('640500', '中卫市', 2, '640000');
INSERT INTO public.regions VALUES ('650100', '乌鲁木齐市', 2, '650000');
INSERT INTO public.regions VALUES ('650200', '克拉玛依市', 2, '650000');
INSERT INTO public.regions VALUES ('650400', '吐鲁番市', 2, '650000');
INSERT INTO public.regions VALUES ('650500', '哈密市', 2, '650000');
INSERT INTO public.regions VALUES ('652300', '昌吉回族自治州', 2, '650000');
INSERT INTO public.regions VALUES ('652700', '博尔塔拉蒙古自治州', 2, '650000');
INSERT INTO public.regions VALUES ('652800', '巴音郭楞蒙古自治州', 2, '650000');
INSERT INTO public.regions VALUES ('652900', '阿克苏地区', 2, '650000');
INSERT INTO public.regions VALUES ('653000', '克孜勒苏柯尔克孜自治州', 2, '650000');
INSERT INTO public.regions VALUES ('653100', '喀什地区', 2, '650000');
INSERT INTO public.regions VALUES ('653200', '和田地区', 2, '650000');
INSERT INTO public.regions VALUES ('654000', '伊犁哈萨克自治州', 2, '650000');
INSERT INTO public.regions VALUES ('654200', '塔城地区', 2, '650000');
INSERT INTO public.regions VALUES ('654300', '阿勒泰地区', 2, '650000');
INSERT INTO public.regions VALUES ('659000', '自治区直辖县级行政区划', 2, '650000');
INSERT INTO public.regions VALUES ('110101', '东城区', 3, '110100');
INSERT INTO public.regions VALUES ('110102', '西城区', 3, '110100');
INSERT INTO public.regions VALUES ('110105', '朝阳区', 3, '110100');
INSERT INTO public.regions VALUES ('110106', '丰台区', 3, '110100');
INSERT INTO public.regions VALUES ('110107', '石景山区', 3, '110100');
INSERT INTO public.regions VALUES ('110108', '海淀区', 3, '110100');
INSERT INTO public.regions VALUES ('110109', '门头沟区', 3, '110100');
INSERT INTO public.regions VALUES ('110111', '房山区', 3, '110100');
INSERT INTO public.regions VALUES ('110112', '通州区', 3, '110100');
INSERT INTO public.regions VALUES ('110113', '顺义区', 3, '110100');
INSERT INTO public.regions VALUES ('110114', '昌平区', 3, '110100');
INSERT INTO public.regions VALUES ('110115', '大兴区', 3, '110100');
INSERT INTO public.regions VALUES ('110116', '怀柔区', 3, '110100');
INSERT INTO public.regions VALUES ('110117', '平谷区', 3, '110100');
INSERT INTO public.regions VALUES ('110118', '密云区', 3, '110100');
INSERT INTO public.regions VALUES ('110119', '延庆区', 3, '110100');
INSERT INTO public.regions VALUES ('120101', '和平区', 3, '120100');
INSERT INTO public.regions VALUES ('120102', '河东区', 3, '120100');
INSERT INTO public.regions VALUES ('120103', '河西区', 3, '120100');
INSERT INTO public.regions VALUES ('120104', '南开区', 3, '120100');
INSERT INTO public.regions VALUES ('120105', '河北区', 3, '120100');
INSERT INTO public.regions VALUES ('120106', '红桥区', 3, '120100');
INSERT INTO public.regions VALUES ('120110', '东丽区', 3, '120100');
INSERT INTO public.regions VALUES ('120111', '西青区', 3, '120100');
INSERT INTO public.regions VALUES ('120112', '津南区', 3, '120100');
INSERT INTO public.regions VALUES ('120113', '北辰区', 3, '120100');
INSERT INTO public.regions VALUES ('120114', '武清区', 3, '120100');
INSERT INTO public.regions VALUES ('120115', '宝坻区', 3, '120100');
INSERT INTO public.regions VALUES ('120116', '滨海新区', 3, '120100');
INSERT INTO public.regions VALUES ('120117', '宁河区', 3, '120100');
INSERT INTO public.regions VALUES ('120118', '静海区', 3, '120100');
INSERT INTO public.regions VALUES ('120119', '蓟州区', 3, '120100');
INSERT INTO public.regions VALUES ('130102', '长安区', 3, '130100');
INSERT INTO public.regions VALUES ('130104', '桥西区', 3, '130100');
INSERT INTO public.regions VALUES ('130105', '新华区', 3, '130100');
INSERT INTO public.regions VALUES ('130107', '井陉矿区', 3, '130100');
INSERT INTO public.regions VALUES ('130108', '裕华区', 3, '130100');
INSERT INTO public.regions VALUES ('130109', '藁城区', 3, '130100');
INSERT INTO public.regions VALUES ('130110', '鹿泉区', 3, '130100');
INSERT INTO public.regions VALUES ('130111', '栾城区', 3, '130100');
INSERT INTO public.regions VALUES ('130121', '井陉县', 3, '130100');
INSERT INTO public.regions VALUES ('130123', '正定县', 3, '130100');
INSERT INTO public.regions VALUES ('130125', '行唐县', 3, '130100');
INSERT INTO public.regions VALUES ('130126', '灵寿县', 3, '130100');
INSERT INTO public.regions VALUES ('130127', '高邑县', 3, '130100');
INSERT INTO public.regions VALUES ('130128', '深泽县', 3, '130100');
INSERT INTO public.regions VALUES ('130129', '赞皇县', 3, '130100');
INSERT INTO public.regions VALUES ('130130', '无极县', 3, '130100');
INSERT INTO public.regions VALUES ('130131', '平山县', 3, '130100');
INSERT INTO public.regions VALUES ('130132', '元氏县', 3, '130100');
INSERT INTO public.regions VALUES ('130133', '赵县', 3, '130100');
INSERT INTO public.regions VALUES ('130171', '石家庄高新技术产业开发区', 3, '130100');
INSERT INTO public.regions VALUES ('130172', '石家庄循环化工园区', 3, '130100');
INSERT INTO public.regions VALUES ('130181', '辛集市', 3, '130100');
INSERT INTO public.regions VALUES ('130183', '晋州市', 3, '130100');
INSERT INTO public.regions VALUES ('130184', '新乐市', 3, '130100');
INSERT INTO public.regions VALUES ('130202', '路南区', 3, '130200');
INSERT INTO public.regions VALUES ('130203', '路北区', 3, '130200');
INSERT INTO public.regions VALUES ('130204', '古冶区', 3, '130200');
INSERT INTO public.regions VALUES ('130205', '开平区', 3, '130200');
INSERT INTO public.regions VALUES ('130207', '丰南区', 3, '130200');
INSERT INTO public.regions VALUES ('130208', '丰润区', 3, '130200');
INSERT INTO public.regions VALUES ('130209', '曹妃甸区', 3, '130200');
INSERT INTO public.regions VALUES ('130224', '滦南县', 3, '130200');
INSERT INTO public.regions VALUES ('130225', '乐亭县', 3, '130200');
INSERT INTO public.regions VALUES ('130227', '迁西县', 3, '130200');
INSERT INTO public.regions VALUES ('130229', '玉田县', 3, '130200');
INSERT INTO public.regions VALUES ('130271', '河北唐山芦台经济开发区', 3, '130200');
INSERT INTO public.regions VALUES ('130272', '唐山市汉沽管理区', 3, '130200');
INSERT INTO public.regions VALUES ('130273', '唐山高新技术产业开发区', 3, '130200');
INSERT INTO public.regions VALUES ('130274', '河北唐山海港经济开发区', 3, '130200');
INSERT INTO public.regions VALUES ('130281', '遵化市', 3, '130200');
INSERT INTO public.regions VALUES ('130283', '迁安市', 3, '130200');
INSERT INTO public.regions VALUES ('130284', '滦州市', 3, '130200');
INSERT INTO public.regions VALUES ('130302', '海港区', 3, '130300');
INSERT INTO public.regions VALUES ('130303', '山海关区', 3, '130300');
INSERT INTO public.regions VALUES ('130304', '北戴河区', 3, '130300');
INSERT INTO public.regions VALUES ('130306', '抚宁区', 3, '130300');
INSERT INTO public.regions VALUES ('130321', '青龙满族自治县', 3, '130300');
INSERT INTO public.regions VALUES ('130322', '昌黎县', 3, '130300');
INSERT INTO public.regions VALUES ('130324', '卢龙县', 3, '130300');
INSERT INTO public.regions VALUES ('130371', '秦皇岛市经济技术开发区', 3, '130300');
INSERT INTO public.regions VALUES ('130372', '北戴河新区', 3, '130300');
INSERT INTO public.regions VALUES ('130402', '邯山区', 3, '130400');
INSERT INTO public.regions VALUES ('130403', '丛台区', 3, '130400');
INSERT INTO public.regions VALUES ('130404', '复兴区', 3, '130400');
INSERT INTO public.regions VALUES ('130406', '峰峰矿区', 3, '130400');
INSERT INTO public.regions VALUES ('130407', '肥乡区', 3, '130400');
INSERT INTO public.regions VALUES ('130408', '永年区', 3, '130400');
INSERT INTO public.regions VALUES ('130423', '临漳县', 3, '130400');
INSERT INTO public.regions VALUES ('130424', '成安县', 3, '130400');
INSERT INTO public.regions VALUES ('130425', '大名县', 3, '130400');
INSERT INTO public.regions VALUES ('130426', '涉县', 3, '130400');
INSERT INTO public.regions VALUES ('130427', '磁县', 3, '130400');
INSERT INTO public.regions VALUES ('130430', '邱县', 3, '130400');
INSERT INTO public.regions VALUES ('130431', '鸡泽县', 3, '130400');
INSERT INTO public.regions VALUES ('130432', '广平县', 3, '130400');
INSERT INTO public.regions VALUES ('130433', '馆陶县', 3, '130400');
INSERT INTO public.regions VALUES ('130434', '魏县', 3, '130400');
INSERT INTO public.regions VALUES ('130435', '曲周县', 3, '130400');
INSERT INTO public.regions VALUES ('130471', '邯郸经济技术开发区', 3, '130400');
INSERT INTO public.regions VALUES ('130473', '邯郸冀南新区', 3, '130400');
INSERT INTO public.regions VALUES ('130481', '武安市', 3, '130400');
INSERT INTO public.regions VALUES ('130502', '襄都区', 3, '130500');
INSERT INTO public.regions VALUES ('130503', '信都区', 3, '130500');
INSERT INTO public.regions VALUES ('130505', '任泽区', 3, '130500');
INSERT INTO public.regions VALUES ('130506', '南和区', 3, '130500');
INSERT INTO public.regions VALUES ('130522', '临城县', 3, '130500');
INSERT INTO public.regions VALUES ('130523', '内丘县', 3, '130500');
INSERT INTO public.regions VALUES ('130524', '柏乡县', 3, '130500');
INSERT INTO public.regions VALUES ('130525', '隆尧县', 3, '130500');
INSERT INTO public.regions VALUES ('130528', '宁晋县', 3, '130500');
INSERT INTO public.regions VALUES ('130529', '巨鹿县', 3, '130500');
INSERT INTO public.regions VALUES ('130530', '新河县', 3, '130500');
INSERT INTO public.regions VALUES ('130531', '广宗县', 3, '130500');
INSERT INTO public.regions VALUES ('130532', '平乡县', 3, '130500');
INSERT INTO public.regions VALUES ('130533', '威县', 3, '130500');
INSERT INTO public.regions VALUES ('130534', '清河县', 3, '130500');
INSERT INTO public.regions VALUES ('130535', '临西县', 3, '130500');
INSERT INTO public.regions VALUES ('130571', '河北邢台经济开发区', 3, '130500');
INSERT INTO public.regions VALUES ('130581', '南宫市', 3, '130500');
INSERT INTO public.regions VALUES ('130582', '沙河市', 3, '130500');
INSERT INTO public.regions VALUES ('130602', '竞秀区', 3, '130600');
INSERT INTO public.regions VALUES ('130606', '莲池区', 3, '130600');
INSERT INTO public.regions VALUES ('130607', '满城区', 3, '130600');
INSERT INTO public.regions VALUES ('130608', '清苑区', 3, '130600');
INSERT INTO public.regions VALUES ('130609', '徐水区', 3, '130600');
INSERT INTO public.regions VALUES ('130623', '涞水县', 3, '130600');
INSERT INTO public.regions VALUES ('130624', '阜平县', 3, '130600');
INSERT INTO public.regions VALUES ('130626', '定兴县', 3, '130600');
INSERT INTO public.regions VALUES ('130627', '唐县', 3, '130600');
INSERT INTO public.regions VALUES ('130628', '高阳县', 3, '130600');
INSERT INTO public.regions VALUES ('130629', '容城县', 3, '130600');
INSERT INTO public.regions VALUES ('130630', '涞源县', 3, '130600');
INSERT INTO public.regions VALUES ('130631', '望都县', 3, '130600');
INSERT INTO public.regions VALUES ('130632', '安新县', 3, '130600');
INSERT INTO public.regions VALUES ('130633', '易县', 3, '130600');
INSERT INTO public.regions VALUES ('130634', '曲阳县', 3, '130600');
INSERT INTO public.regions VALUES ('130635', '蠡县', 3, '130600');
INSERT INTO public.regions VALUES ('130636', '顺平县', 3, '130600');
INSERT INTO public.regions VALUES ('130637', '博野县', 3, '130600');
INSERT INTO public.regions VALUES ('130638', '雄县', 3, '130600');
INSERT INTO public.regions VALUES ('130671', '保定高新技术产业开发区', 3, '130600');
INSERT INTO public.regions VALUES ('130672', '保定白沟新城', 3, '130600');
INSERT INTO public.regions VALUES ('130681', '涿州市', 3, '130600');
INSERT INTO public.regions VALUES ('130682', '定州市', 3, '130600');
INSERT INTO public.regions VALUES ('130683', '安国市', 3, '130600');
INSERT INTO public.regions VALUES ('130684', '高碑店市', 3, '130600');
INSERT INTO public.regions VALUES ('130702', '桥东区', 3, '130700');
INSERT INTO public.regions VALUES ('130703', '桥西区', 3, '130700');
INSERT INTO public.regions VALUES ('130705', '宣化区', 3, '130700');
INSERT INTO public.regions VALUES ('130706', '下花园区', 3, '130700');
INSERT INTO public.regions VALUES ('130708', '万全区', 3, '130700');
INSERT INTO public.regions VALUES ('130709', '崇礼区', 3, '130700');
INSERT INTO public.regions VALUES ('130722', '张北县', 3, '130700');
INSERT INTO public.regions VALUES ('130723', '康保县', 3, '130700');
INSERT INTO public.regions VALUES ('130724', '沽源县', 3, '130700');
INSERT INTO public.regions VALUES ('130725', '尚义县', 3, '130700');
INSERT INTO public.regions VALUES ('130726', '蔚县', 3, '130700');
INSERT INTO public.regions VALUES ('130727', '阳原县', 3, '130700');
INSERT INTO public.regions VALUES ('130728', '怀安县', 3, '130700');
INSERT INTO public.regions VALUES ('130730', '怀来县', 3, '130700');
INSERT INTO public.regions VALUES ('130731', '涿鹿县', 3, '130700');
INSERT INTO public.regions VALUES ('130732', '赤城县', 3, '130700');
INSERT INTO public.regions VALUES ('130771', '张家口经济开发区', 3, '130700');
INSERT INTO public.regions VALUES ('130772', '张家口市察北管理区', 3, '130700');
INSERT INTO public.regions VALUES ('130773', '张家口市塞北管理区', 3, '130700');
INSERT INTO public.regions VALUES ('130802', '双桥区', 3, '130800');
INSERT INTO public.regions VALUES ('130803', '双滦区', 3, '130800');
INSERT INTO public.regions VALUES ('130804', '鹰手营子矿区', 3, '130800');
INSERT INTO public.regions VALUES ('130821', '承德县', 3, '130800');
INSERT INTO public.regions VALUES ('130822', '兴隆县', 3, '130800');
INSERT INTO public.regions VALUES ('130824', '滦平县', 3, '130800');
INSERT INTO public.regions VALUES ('130825', '隆化县', 3, '130800');
INSERT INTO public.regions VALUES ('130826', '丰宁满族自治县', 3, '130800');
INSERT INTO public.regions VALUES ('130827', '宽城满族自治县', 3, '130800');
INSERT INTO public.regions VALUES ('130828', '围场满族蒙古族自治县', 3, '130800');
INSERT INTO public.regions VALUES ('130871', '承德高新技术产业开发区', 3, '130800');
INSERT INTO public.regions VALUES ('130881', '平泉市', 3, '130800');
INSERT INTO public.regions VALUES ('130902', '新华区', 3, '130900');
INSERT INTO public.regions VALUES ('130903', '运河区', 3, '130900');
INSERT INTO public.regions VALUES ('130921', '沧县', 3, '130900');
INSERT INTO public.regions VALUES ('130922', '青县', 3, '130900');
INSERT INTO public.regions VALUES ('130923', '东光县', 3, '130900');
INSERT INTO public.regions VALUES ('130924', '海兴县', 3, '130900');
INSERT INTO public.regions VALUES ('130925', '盐山县', 3, '130900');
INSERT INTO public.regions VALUES ('130926', '肃宁县', 3, '130900');
INSERT INTO public.regions VALUES ('130927', '南皮县', 3, '130900');
INSERT INTO public.regions VALUES ('130928', '吴桥县', 3, '130900');
INSERT INTO public.regions VALUES ('130929', '献县', 3, '130900');
INSERT INTO public.regions VALUES ('130930', '孟村回族自治县', 3, '130900');
INSERT INTO public.regions VALUES ('130971', '河北沧州经济开发区', 3, '130900');
INSERT INTO public.regions VALUES ('130972', '沧州高新技术产业开发区', 3, '130900');
INSERT INTO public.regions VALUES ('130973', '沧州渤海新区', 3, '130900');
INSERT INTO public.regions VALUES ('130981', '泊头市', 3, '130900');
INSERT INTO public.regions VALUES ('130982', '任丘市', 3, '130900');
INSERT INTO public.regions VALUES ('130983', '黄骅市', 3, '130900');
INSERT INTO public.regions VALUES ('130984', '河间市', 3, '130900');
INSERT INTO public.regions VALUES ('131002', '安次区', 3, '131000');
INSERT INTO public.regions VALUES ('131003', '广阳区', 3, '131000');
INSERT INTO public.regions VALUES ('131022', '固安县', 3, '131000');
INSERT INTO public.regions VALUES ('131023', '永清县', 3, '131000');
INSERT INTO public.regions VALUES ('131024', '香河县', 3, '131000');
INSERT INTO public.regions VALUES ('131025', '大城县', 3, '131000');
INSERT INTO public.regions VALUES ('131026', '文安县', 3, '131000');
INSERT INTO public.regions VALUES ('131028', '大厂回族自治县', 3, '131000');
INSERT INTO public.regions VALUES ('131071', '廊坊经济技术开发区', 3, '131000');
INSERT INTO public.regions VALUES ('131081', '霸州市', 3, '131000');
INSERT INTO public.regions VALUES ('131082', '三河市', 3, '131000');
INSERT INTO public.regions VALUES ('131102', '桃城区', 3, '131100');
INSERT INTO public.regions VALUES ('131103', '冀州区', 3, '131100');
INSERT INTO public.regions VALUES ('131121', '枣强县', 3, '131100');
INSERT INTO public.regions VALUES ('131122', '武邑县', 3, '131100');
INSERT INTO public.regions VALUES ('131123', '武强县', 3, '131100');
INSERT INTO public.regions VALUES ('131124', '饶阳县', 3, '131100');
INSERT INTO public.regions VALUES ('131125', '安平县', 3, '131100');
INSERT INTO public.regions VALUES ('131126', '故城县', 3, '131100');
INSERT INTO public.regions VALUES ('131127', '景县', 3, '131100');
INSERT INTO public.regions VALUES ('131128', '阜城县', 3, '131100');
INSERT INTO public.regions VALUES ('131171', '河北衡水高新技术产业开发区', 3, '131100');
INSERT INTO public.regions VALUES ('131172', '衡水滨湖新区', 3, '131100');
INSERT INTO public.regions VALUES ('131182', '深州市', 3, '131100');
INSERT INTO public.regions VALUES ('140105', '小店区', 3, '140100');
INSERT INTO public.regions VALUES ('140106', '迎泽区', 3, '140100');
INSERT INTO public.regions VALUES ('140107', '杏花岭区', 3, '140100');
INSERT INTO public.regions VALUES ('140108', '尖草坪区', 3, '140100');
INSERT INTO public.regions VALUES ('140109', '万柏林区', 3, '140100');
INSERT INTO public.regions VALUES ('140110', '晋源区', 3, '140100');
INSERT INTO public.regions VALUES ('140121', '清徐县', 3, '140100');
INSERT INTO public.regions VALUES ('140122', '阳曲县', 3, '140100');
INSERT INTO public.regions VALUES ('140123', '娄烦县', 3, '140100');
INSERT INTO public.regions VALUES ('140171', '山西转型综合改革示范区', 3, '140100');
INSERT INTO public.regions VALUES ('140181', '古交市', 3, '140100');
INSERT INTO public.regions VALUES ('140212', '新荣区', 3, '140200');
INSERT INTO public.regions VALUES ('140213', '平城区', 3, '140200');
INSERT INTO public.regions VALUES ('140214', '云冈区', 3, '140200');
INSERT INTO public.regions VALUES ('140215', '云州区', 3, '140200');
INSERT INTO public.regions VALUES ('140221', '阳高县', 3, '140200');
INSERT INTO public.regions VALUES ('140222', '天镇县', 3, '140200');
INSERT INTO public.regions VALUES ('140223', '广灵县', 3, '140200');
INSERT INTO public.regions VALUES ('140224', '灵丘县', 3, '140200');
INSERT INTO public.regions VALUES ('140225', '浑源县', 3, '140200');
INSERT INTO public.regions VALUES ('140226', '左云县', 3, '140200');
INSERT INTO public.regions VALUES ('140271', '山西大同经济开发区', 3, '140200');
INSERT INTO public.regions VALUES ('140302', '城区', 3, '140300');
INSERT INTO public.regions VALUES ('140303', '矿区', 3, '140300');
INSERT INTO public.regions VALUES ('140311', '郊区', 3, '140300');
INSERT INTO public.regions VALUES ('140321', '平定县', 3, '140300');
INSERT INTO public.regions VALUES ('140322', '盂县', 3, '140300');
INSERT INTO public.regions VALUES ('140403', '潞州区', 3, '140400');
INSERT INTO public.regions VALUES ('140404', '上党区', 3, '140400');
INSERT INTO public.regions VALUES ('140405', '屯留区', 3, '140400');
INSERT INTO public.regions VALUES ('140406', '潞城区', 3, '140400');
INSERT INTO public.regions VALUES ('140423', '襄垣县', 3, '140400');
INSERT INTO public.regions VALUES ('140425', '平顺县', 3, '140400');
INSERT INTO public.regions VALUES ('140426', '黎城县', 3, '140400');
INSERT INTO public.regions VALUES ('140427', '壶关县', 3, '140400');
INSERT INTO public.regions VALUES ('140428', '长子县', 3, '140400');
INSERT INTO public.regions VALUES ('140429', '武乡县', 3, '140400');
INSERT INTO public.regions VALUES ('140430', '沁县', 3, '140400');
INSERT INTO public.regions VALUES ('140431', '沁源县', 3, '140400');
INSERT INTO public.regions VALUES ('140502', '城区', 3, '140500');
INSERT INTO public.regions VALUES ('140521', '沁水县', 3, '140500');
INSERT INTO public.regions VALUES ('140522', '阳城县', 3, '140500');
INSERT INTO public.regions VALUES ('140524', '陵川县', 3, '140500');
INSERT INTO public.regions VALUES ('140525', '泽州县', 3, '140500');
INSERT INTO public.regions VALUES ('140581', '高平市', 3, '140500');
INSERT INTO public.regions VALUES ('140602', '朔城区', 3, '140600');
INSERT INTO public.regions VALUES ('140603', '平鲁区', 3, '140600');
INSERT INTO public.regions VALUES ('140621', '山阴县', 3, '140600');
INSERT INTO public.regions VALUES ('140622', '应县', 3, '140600');
INSERT INTO public.regions VALUES ('140623', '右玉县', 3, '140600');
INSERT INTO public.regions VALUES ('140671', '山西朔州经济开发区', 3, '140600');
INSERT INTO public.regions VALUES ('140681', '怀仁市', 3, '140600');
INSERT INTO public.regions VALUES ('140702', '榆次区', 3, '140700');
INSERT INTO public.regions VALUES ('140703', '太谷区', 3, '140700');
INSERT INTO public.regions VALUES ('140721', '榆社县', 3, '140700');
INSERT INTO public.regions VALUES ('140722', '左权县', 3, '140700');
INSERT INTO public.regions VALUES ('140723', '和顺县', 3, '140700');
INSERT INTO public.regions VALUES ('140724', '昔阳县', 3, '140700');
INSERT INTO public.regions VALUES ('140725', '寿阳县', 3, '140700');
INSERT INTO public.regions VALUES ('140727', '祁县', 3, '140700');
INSERT INTO public.regions VALUES ('140728', '平遥县', 3, '140700');
INSERT INTO public.regions VALUES ('140729', '灵石县', 3, '140700');
INSERT INTO public.regions VALUES ('140781', '介休市', 3, '140700');
INSERT INTO public.regions VALUES ('140802', '盐湖区', 3, '140800');
INSERT INTO public.regions VALUES ('140821', '临猗县', 3, '140800');
INSERT INTO public.regions VALUES ('140822', '万荣县', 3, '140800');
INSERT INTO public.regions VALUES ('140823', '闻喜县', 3, '140800');
INSERT INTO public.regions VALUES ('140824', '稷山县', 3, '140800');
INSERT INTO public.regions VALUES ('140825', '新绛县', 3, '140800');
INSERT INTO public.regions VALUES ('140826', '绛县', 3, '140800');
INSERT INTO public.regions VALUES ('140827', '垣曲县', 3, '140800');
INSERT INTO public.regions VALUES ('140828', '夏县', 3, '140800');
INSERT INTO public.regions VALUES ('140829', '平陆县', 3, '140800');
INSERT INTO public.regions VALUES ('140830', '芮城县', 3, '140800');
INSERT INTO public.regions VALUES ('140881', '永济市', 3, '140800');
INSERT INTO public.regions VALUES ('140882', '河津市', 3, '140800');
INSERT INTO public.regions VALUES ('140902', '忻府区', 3, '140900');
INSERT INTO public.regions VALUES ('140921', '定襄县', 3, '140900');
INSERT INTO public.regions VALUES ('140922', '五台县', 3, '140900');
INSERT INTO public.regions VALUES ('140923', '代县', 3, '140900');
INSERT INTO public.regions VALUES ('140924', '繁峙县', 3, '140900');
INSERT INTO public.regions VALUES ('140925', '宁武县', 3, '140900');
INSERT INTO public.regions VALUES ('140926', '静乐县', 3, '140900');
INSERT INTO public.regions VALUES ('140927', '神池县', 3, '140900');
INSERT INTO public.regions VALUES ('140928', '五寨县', 3, '140900');
INSERT INTO public.regions VALUES ('140929', '岢岚县', 3, '140900');
INSERT INTO public.regions VALUES ('140930', '河曲县', 3, '140900');
INSERT INTO public.regions VALUES ('140931', '保德县', 3, '140900');
INSERT INTO public.regions VALUES ('140932', '偏关县', 3, '140900');
INSERT INTO public.regions VALUES ('140971', '五台山风景名胜区', 3, '140900');
INSERT INTO public.regions VALUES ('140981', '原平市', 3, '140900');
INSERT INTO public.regions VALUES ('141002', '尧都区', 3, '141000');
INSERT INTO public.regions VALUES ('141021', '曲沃县', 3, '141000');
INSERT INTO public.regions VALUES ('141022', '翼城县', 3, '141000');
INSERT INTO public.regions VALUES ('141023', '襄汾县', 3, '141000');
INSERT INTO public.regions VALUES ('141024', '洪洞县', 3, '141000');
INSERT INTO public.regions VALUES ('141025', '古县', 3, '141000');
INSERT INTO public.regions VALUES ('141026', '安泽县', 3, '141000');
INSERT INTO public.regions VALUES ('141027', '浮山县', 3, '141000');
INSERT INTO public.regions VALUES ('141028', '吉县', 3, '141000');
INSERT INTO public.regions VALUES ('141029', '乡宁县', 3, '141000');
INSERT INTO public.regions VALUES ('141030', '大宁县', 3, '141000');
INSERT INTO public.regions VALUES ('141031', '隰县', 3, '141000');
INSERT INTO public.regions VALUES ('141032', '永和县', 3, '141000');
INSERT INTO public.regions VALUES ('141033', '蒲县', 3, '141000');
INSERT INTO public.regions VALUES ('141034', '汾西县', 3, '141000');
INSERT INTO public.regions VALUES ('141081', '侯马市', 3, '141000');
INSERT INTO public.regions VALUES ('141082', '霍州市', 3, '141000');
INSERT INTO public.regions VALUES ('141102', '离石区', 3, '141100');
INSERT INTO public.regions VALUES ('141121', '文水县', 3, '141100');
INSERT INTO public.regions VALUES ('141122', '交城县', 3, '141100');
INSERT INTO public.regions VALUES ('141123', '兴县', 3, '141100');
INSERT INTO public.regions VALUES ('141124', '临县', 3, '141100');
INSERT INTO public.regions VALUES ('141125', '柳林县', 3, '141100');
INSERT INTO public.regions VALUES ('141126', '石楼县', 3, '141100');
INSERT INTO public.regions VALUES ('141127', '岚县', 3, '141100');
INSERT INTO public.regions VALUES ('141128', '方山县', 3, '141100');
INSERT INTO public.regions VALUES ('141129', '中阳县', 3, '141100');
INSERT INTO public.regions VALUES ('141130', '交口县', 3, '141100');
INSERT INTO public.regions VALUES ('141181', '孝义市', 3, '141100');
INSERT INTO public.regions VALUES ('141182', '汾阳市', 3, '141100');
INSERT INTO public.regions VALUES ('150102', '新城区', 3, '150100');
INSERT INTO public.regions VALUES ('150103', '回民区', 3, '150100');
INSERT INTO public.regions VALUES ('150104', '玉泉区', 3, '150100');
INSERT INTO public.regions VALUES ('150105', '赛罕区', 3, '150100');
INSERT INTO public.regions VALUES ('150121', '土默特左旗', 3, '150100');
INSERT INTO public.regions VALUES ('150122', '托克托县', 3, '150100');
INSERT INTO public.regions VALUES ('150123', '和林格尔县', 3, '150100');
INSERT INTO public.regions VALUES ('150124', '清水河县', 3, '150100');
INSERT INTO public.regions VALUES ('150125', '武川县', 3, '150100');
INSERT INTO public.regions VALUES ('150172', '呼和浩特经济技术开发区', 3, '150100');
INSERT INTO public.regions VALUES ('150202', '东河区', 3, '150200');
INSERT INTO public.regions VALUES ('150203', '昆都仑区', 3, '150200');
INSERT INTO public.regions VALUES ('150204', '青山区', 3, '150200');
INSERT INTO public.regions VALUES ('150205', '石拐区', 3, '150200');
INSERT INTO public.regions VALUES ('150206', '白云鄂博矿区', 3, '150200');
INSERT INTO public.regions VALUES ('150207', '九原区', 3, '150200');
INSERT INTO public.regions VALUES ('150221', '土默特右旗', 3, '150200');
INSERT INTO public.regions VALUES ('150222', '固阳县', 3, '150200');
INSERT INTO public.regions VALUES ('150223', '达尔罕茂明安联合旗', 3, '150200');
INSERT INTO public.regions VALUES ('150271', '包头稀土高新技术产业开发区', 3, '150200');
INSERT INTO public.regions VALUES ('150302', '海勃湾区', 3, '150300');
INSERT INTO public.regions VALUES ('150303', '海南区', 3, '150300');
INSERT INTO public.regions VALUES ('150304', '乌达区', 3, '150300');
INSERT INTO public.regions VALUES ('150402', '红山区', 3, '150400');
INSERT INTO public.regions VALUES ('150403', '元宝山区', 3, '150400');
INSERT INTO public.regions VALUES ('150404', '松山区', 3, '150400');
INSERT INTO public.regions VALUES ('150421', '阿鲁科尔沁旗', 3, '150400');
INSERT INTO public.regions VALUES ('150422', '巴林左旗', 3, '150400');
INSERT INTO public.regions VALUES ('150423', '巴林右旗', 3, '150400');
INSERT INTO public.regions VALUES ('150424', '林西县', 3, '150400');
INSERT INTO public.regions VALUES ('150425', '克什克腾旗', 3, '150400');
INSERT INTO public.regions VALUES ('150426', '翁牛特旗', 3, '150400');
INSERT INTO public.regions VALUES ('150428', '喀喇沁旗', 3, '150400');
INSERT INTO public.regions VALUES ('150429', '宁城县', 3, '150400');
INSERT INTO public.regions VALUES ('150430', '敖汉旗', 3, '150400');
INSERT INTO public.regions VALUES ('150502', '科尔沁区', 3, '150500');
INSERT INTO public.regions VALUES ('150521', '科尔沁左翼中旗', 3, '150500');
INSERT INTO public.regions VALUES ('150522', '科尔沁左翼后旗', 3, '150500');
INSERT INTO public.regions VALUES ('150523', '开鲁县', 3, '150500');
INSERT INTO public.regions VALUES ('150524', '库伦旗', 3, '150500');
INSERT INTO public.regions VALUES ('150525', '奈曼旗', 3, '150500');
INSERT INTO public.regions VALUES ('150526', '扎鲁特旗', 3, '150500');
INSERT INTO public.regions VALUES ('150571', '通辽经济技术开发区', 3, '150500');
INSERT INTO public.regions VALUES ('150581', '霍林郭勒市', 3, '150500');
INSERT INTO public.regions VALUES ('150602', '东胜区', 3, '150600');
INSERT INTO public.regions VALUES ('150603', '康巴什区', 3, '150600');
INSERT INTO public.regions VALUES ('150621', '达拉特旗', 3, '150600');
INSERT INTO public.regions VALUES ('150622', '准格尔旗', 3, '150600');
INSERT INTO public.regions VALUES ('150623', '鄂托克前旗', 3, '150600');
INSERT INTO public.regions VALUES ('150624', '鄂托克旗', 3, '150600');
INSERT INTO public.regions VALUES ('150625', '杭锦旗', 3, '150600');
INSERT INTO public.regions VALUES ('150626', '乌审旗', 3, '150600');
INSERT INTO public.regions VALUES ('150627', '伊金霍洛旗', 3, '150600');
INSERT INTO public.regions VALUES ('150702', '海拉尔区', 3, '150700');
INSERT INTO public.regions VALUES ('150703', '扎赉诺尔区', 3, '150700');
INSERT INTO public.regions VALUES ('150721', '阿荣旗', 3, '150700');
INSERT INTO public.regions VALUES ('150722', '莫力达瓦达斡尔族自治旗', 3, '150700');
INSERT INTO public.regions VALUES ('150723', '鄂伦春自治旗', 3, '150700');
INSERT INTO public.regions VALUES ('150724', '鄂温克族自治旗', 3, '150700');
INSERT INTO public.regions VALUES ('150725', '陈巴尔虎旗', 3, '150700');
INSERT INTO public.regions VALUES ('150726', '新巴尔虎左旗', 3, '150700');
INSERT INTO public.regions VALUES ('150727', '新巴尔虎右旗', 3, '150700');
INSERT INTO public.regions VALUES ('150781', '满洲里市', 3, '150700');
INSERT INTO public.regions VALUES ('150782', '牙克石市', 3, '150700');
INSERT INTO public.regions VALUES ('150783', '扎兰屯市', 3, '150700');
INSERT INTO public.regions VALUES ('150784', '额尔古纳市', 3, '150700');
INSERT INTO public.regions VALUES ('150785', '根河市', 3, '150700');
INSERT INTO public.regions VALUES ('150802', '临河区', 3, '150800');
INSERT INTO public.regions VALUES ('150821', '五原县', 3, '150800');
INSERT INTO public.regions VALUES ('150822', '磴口县', 3, '150800');
INSERT INTO public.regions VALUES ('150823', '乌拉特前旗', 3, '150800');
INSERT INTO public.regions VALUES ('150824', '乌拉特中旗', 3, '150800');
INSERT INTO public.regions VALUES ('150825', '乌拉特后旗', 3, '150800');
INSERT INTO public.regions VALUES ('150826', '杭锦后旗', 3, '150800');
INSERT INTO public.regions VALUES ('150902', '集宁区', 3, '150900');
INSERT INTO public.regions VALUES ('150921', '卓资县', 3, '150900');
INSERT INTO public.regions VALUES ('150922', '化德县', 3, '150900');
INSERT INTO public.regions VALUES ('150923', '商都县', 3, '150900');
INSERT INTO public.regions VALUES ('150924', '兴和县', 3, '150900');
INSERT INTO public.regions VALUES ('150925', '凉城县', 3, '150900');
INSERT INTO public.regions VALUES ('150926', '察哈尔右翼前旗', 3, '150900');
INSERT INTO public.regions VALUES ('150927', '察哈尔右翼中旗', 3, '150900');
INSERT INTO public.regions VALUES ('150928', '察哈尔右翼后旗', 3, '150900');
INSERT INTO public.regions VALUES ('150929', '四子王旗', 3, '150900');
INSERT INTO public.regions VALUES ('150981', '丰镇市', 3, '150900');
INSERT INTO public.regions VALUES ('152201', '乌兰浩特市', 3, '152200');
INSERT INTO public.regions VALUES ('152202', '阿尔山市', 3, '152200');
INSERT INTO public.regions VALUES ('152221', '科尔沁右翼前旗', 3, '152200');
INSERT INTO public.regions VALUES ('152222', '科尔沁右翼中旗', 3, '152200');
INSERT INTO public.regions VALUES ('152223', '扎赉特旗', 3, '152200');
INSERT INTO public.regions VALUES ('152224', '突泉县', 3, '152200');
INSERT INTO public.regions VALUES ('152501', '二连浩特市', 3, '152500');
INSERT INTO public.regions VALUES ('152502', '锡林浩特市', 3, '152500');
INSERT INTO public.regions VALUES ('152522', '阿巴嘎旗', 3, '152500');
INSERT INTO public.regions VALUES ('152523', '苏尼特左旗', 3, '152500');
INSERT INTO public.regions VALUES ('152524', '苏尼特右旗', 3, '152500');
INSERT INTO public.regions VALUES ('152525', '东乌珠穆沁旗', 3, '152500');
INSERT INTO public.regions VALUES ('152526', '西乌珠穆沁旗', 3, '152500');
INSERT INTO public.regions VALUES ('152527', '太仆寺旗', 3, '152500');
INSERT INTO public.regions VALUES ('152528', '镶黄旗', 3, '152500');
INSERT INTO public.regions VALUES ('152529', '正镶白旗', 3, '152500');
INSERT INTO public.regions VALUES ('152530', '正蓝旗', 3, '152500');
INSERT INTO public.regions VALUES ('152531', '多伦县', 3, '152500');
INSERT INTO public.regions VALUES ('152571', '乌拉盖管理区管委会', 3, '152500');
INSERT INTO public.regions VALUES ('152921', '阿拉善左旗', 3, '152900');
INSERT INTO public.regions VALUES ('152922', '阿拉善右旗', 3, '152900');
INSERT INTO public.regions VALUES ('152923', '额济纳旗', 3, '152900');
INSERT INTO public.regions VALUES ('152971', '内蒙古阿拉善高新技术产业开发区', 3, '152900');
INSERT INTO public.regions VALUES ('210102', '和平区', 3, '210100');
INSERT INTO public.regions VALUES ('210103', '沈河区', 3, '210100');
INSERT INTO public.regions VALUES ('210104', '大东区', 3, '210100');
INSERT INTO public.regions VALUES ('210105', '皇姑区', 3, '210100');
INSERT INTO public.regions VALUES ('210106', '铁西区', 3, '210100');
INSERT INTO public.regions VALUES ('210111', '苏家屯区', 3, '210100');
INSERT INTO public.regions VALUES ('210112', '浑南区', 3, '210100');
INSERT INTO public.regions VALUES ('210113', '沈北新区', 3, '210100');
INSERT INTO public.regions VALUES ('210114', '于洪区', 3, '210100');
INSERT INTO public.regions VALUES ('210115', '辽中区', 3, '210100');
INSERT INTO public.regions VALUES ('210123', '康平县', 3, '210100');
INSERT INTO public.regions VALUES ('210124', '法库县', 3, '210100');
INSERT INTO public.regions VALUES ('210181', '新民市', 3, '210100');
INSERT INTO public.regions VALUES ('210202', '中山区', 3, '210200');
INSERT INTO public.regions VALUES ('210203', '西岗区', 3, '210200');
INSERT INTO public.regions VALUES ('210204', '沙河口区', 3, '210200');
INSERT INTO public.regions VALUES ('210211', '甘井子区', 3, '210200');
INSERT INTO public.regions VALUES ('210212', '旅顺口区', 3, '210200');
INSERT INTO public.regions VALUES ('210213', '金州区', 3, '210200');
INSERT INTO public.regions VALUES ('210214', '普兰店区', 3, '210200');
INSERT INTO public.regions VALUES ('210224', '长海县', 3, '210200');
INSERT INTO public.regions VALUES ('210281', '瓦房店市', 3, '210200');
INSERT INTO public.regions VALUES ('210283', '庄河市', 3, '210200');
INSERT INTO public.regions VALUES ('210302', '铁东区', 3, '210300');
INSERT INTO public.regions VALUES ('210303', '铁西区', 3, '210300');
INSERT INTO public.regions VALUES ('210304', '立山区', 3, '210300');
INSERT INTO public.regions VALUES ('210311', '千山区', 3, '210300');
INSERT INTO public.regions VALUES ('210321', '台安县', 3, '210300');
INSERT INTO public.regions VALUES ('210323', '岫岩满族自治县', 3, '210300');
INSERT INTO public.regions VALUES ('210381', '海城市', 3, '210300');
INSERT INTO public.regions VALUES ('210402', '新抚区', 3, '210400');
INSERT INTO public.regions VALUES ('210403', '东洲区', 3, '210400');
INSERT INTO public.regions VALUES ('210404', '望花区', 3, '210400');
INSERT INTO public.regions VALUES ('210411', '顺城区', 3, '210400');
INSERT INTO public.regions VALUES ('210421', '抚顺县', 3, '210400');
INSERT INTO public.regions VALUES ('210422', '新宾满族自治县', 3, '210400');
INSERT INTO public.regions VALUES ('210423', '清原满族自治县', 3, '210400');
INSERT INTO public.regions VALUES ('210502', '平山区', 3, '210500');
INSERT INTO public.regions VALUES ('210503', '溪湖区', 3, '210500');
INSERT INTO public.regions VALUES ('210504', '明山区', 3, '210500');
INSERT INTO public.regions VALUES ('210505', '南芬区', 3, '210500');
INSERT INTO public.regions VALUES ('210521', '本溪满族自治县', 3, '210500');
INSERT INTO public.regions VALUES ('210522', '桓仁满族自治县', 3, '210500');
INSERT INTO public.regions VALUES ('210602', '元宝区', 3, '210600');
INSERT INTO public.regions VALUES ('210603', '振兴区', 3, '210600');
INSERT INTO public.regions VALUES ('210604', '振安区', 3, '210600');
INSERT INTO public.regions VALUES ('210624', '宽甸满族自治县', 3, '210600');
INSERT INTO public.regions VALUES ('210681', '东港市', 3, '210600');
INSERT INTO public.regions VALUES ('210682', '凤城市', 3, '210600');
INSERT INTO public.regions VALUES ('210702', '古塔区', 3, '210700');
INSERT INTO public.regions VALUES ('210703', '凌河区', 3, '210700');
INSERT INTO public.regions VALUES ('210711', '太和区', 3, '210700');
INSERT INTO public.regions VALUES ('210726', '黑山县', 3, '210700');
INSERT INTO public.regions VALUES ('210727', '义县', 3, '210700');
INSERT INTO public.regions VALUES ('210781', '凌海市', 3, '210700');
INSERT INTO public.regions VALUES ('210782', '北镇市', 3, '210700');
INSERT INTO public.regions VALUES ('210802', '站前区', 3, '210800');
INSERT INTO public.regions VALUES ('210803', '西市区', 3, '210800');
INSERT INTO public.regions VALUES ('210804', '鲅鱼圈区', 3, '210800');
INSERT INTO public.regions VALUES ('210811', '老边区', 3, '210800');
INSERT INTO public.regions VALUES ('210881', '盖州市', 3, '210800');
INSERT INTO public.regions VALUES ('210882', '大石桥市', 3, '210800');
INSERT INTO public.regions VALUES ('210902', '海州区', 3, '210900');
INSERT INTO public.regions VALUES ('210903', '新邱区', 3, '210900');
INSERT INTO public.regions VALUES ('210904', '太平区', 3, '210900');
INSERT INTO public.regions VALUES ('210905', '清河门区', 3, '210900');
INSERT INTO public.regions VALUES ('210911', '细河区', 3, '210900');
INSERT INTO public.regions VALUES ('210921', '阜新蒙古族自治县', 3, '210900');
INSERT INTO public.regions VALUES ('210922', '彰武县', 3, '210900');
INSERT INTO public.regions VALUES ('211002', '白塔区', 3, '211000');
INSERT INTO public.regions VALUES ('211003', '文圣区', 3, '211000');
INSERT INTO public.regions VALUES ('211004', '宏伟区', 3, '211000');
INSERT INTO public.regions VALUES ('211005', '弓长岭区', 3, '211000');
INSERT INTO public.regions VALUES ('211011', '太子河区', 3, '211000');
INSERT INTO public.regions VALUES ('211021', '辽阳县', 3, '211000');
INSERT INTO public.regions VALUES ('211081', '灯塔市', 3, '211000');
INSERT INTO public.regions VALUES ('211102', '双台子区', 3, '211100');
INSERT INTO public.regions VALUES ('211103', '兴隆台区', 3, '211100');
INSERT INTO public.regions VALUES ('211104', '大洼区', 3, '211100');
INSERT INTO public.regions VALUES ('211122', '盘山县', 3, '211100');
INSERT INTO public.regions VALUES ('211202', '银州区', 3, '211200');
INSERT INTO public.regions VALUES ('211204', '清河区', 3, '211200');
INSERT INTO public.regions VALUES ('211221', '铁岭县', 3, '211200');
INSERT INTO public.regions VALUES ('211223', '西丰县', 3, '211200');
INSERT INTO public.regions VALUES ('211224', '昌图县', 3, '211200');
INSERT INTO public.regions VALUES ('211281', '调兵山市', 3, '211200');
INSERT INTO public.regions VALUES ('211282', '开原市', 3, '211200');
INSERT INTO public.regions VALUES ('211302', '双塔区', 3, '211300');
INSERT INTO public.regions VALUES ('211303', '龙城区', 3, '211300');
INSERT INTO public.regions VALUES ('211321', '朝阳县', 3, '211300');
INSERT INTO public.regions VALUES ('211322', '建平县', 3, '211300');
INSERT INTO public.regions VALUES ('211324', '喀喇沁左翼蒙古族自治县', 3, '211300');
INSERT INTO public.regions VALUES ('211381', '北票市', 3, '211300');
INSERT INTO public.regions VALUES ('211382', '凌源市', 3, '211300');
INSERT INTO public.regions VALUES ('211402', '连山区', 3, '211400');
INSERT INTO public.regions VALUES ('211403', '龙港区', 3, '211400');
INSERT INTO public.regions VALUES ('211404', '南票区', 3, '211400');
INSERT INTO public.regions VALUES ('211421', '绥中县', 3, '211400');
INSERT INTO public.regions VALUES ('211422', '建昌县', 3, '211400');
INSERT INTO public.regions VALUES ('211481', '兴城市', 3, '211400');
INSERT INTO public.regions VALUES ('220102', '南关区', 3, '220100');
INSERT INTO public.regions VALUES ('220103', '宽城区', 3, '220100');
INSERT INTO public.regions VALUES ('220104', '朝阳区', 3, '220100');
INSERT INTO public.regions VALUES ('220105', '二道区', 3, '220100');
INSERT INTO public.regions VALUES ('220106', '绿园区', 3, '220100');
INSERT INTO public.regions VALUES ('220112', '双阳区', 3, '220100');
INSERT INTO public.regions VALUES ('220113', '九台区', 3, '220100');
INSERT INTO public.regions VALUES ('220122', '农安县', 3, '220100');
INSERT INTO public.regions VALUES ('220171', '长春经济技术开发区', 3, '220100');
INSERT INTO public.regions VALUES ('220172', '长春净月高新技术产业开发区', 3, '220100');
INSERT INTO public.regions VALUES ('220173', '长春高新技术产业开发区', 3, '220100');
INSERT INTO public.regions VALUES ('220174', '长春汽车经济技术开发区', 3, '220100');
INSERT INTO public.regions VALUES ('220182', '榆树市', 3, '220100');
INSERT INTO public.regions VALUES ('220183', '德惠市', 3, '220100');
INSERT INTO public.regions VALUES ('220184', '公主岭市', 3, '220100');
INSERT INTO public.regions VALUES ('220202', '昌邑区', 3, '220200');
INSERT INTO public.regions VALUES ('220203', '龙潭区', 3, '220200');
INSERT INTO public.regions VALUES ('220204', '船营区', 3, '220200');
INSERT INTO public.regions VALUES ('220211', '丰满区', 3, '220200');
INSERT INTO public.regions VALUES ('220221', '永吉县', 3, '220200');
INSERT INTO public.regions VALUES ('220271', '吉林经济开发区', 3, '220200');
INSERT INTO public.regions VALUES ('220272', '吉林高新技术产业开发区', 3, '220200');
INSERT INTO public.regions VALUES ('220273', '吉林中国新加坡食品区', 3, '220200');
INSERT INTO public.regions VALUES ('220281', '蛟河市', 3, '220200');
INSERT INTO public.regions VALUES ('220282', '桦甸市', 3, '220200');
INSERT INTO public.regions VALUES ('220283', '舒兰市', 3, '220200');
INSERT INTO public.regions VALUES ('220284', '磐石市', 3, '220200');
INSERT INTO public.regions VALUES ('220302', '铁西区', 3, '220300');
INSERT INTO public.regions VALUES ('220303', '铁东区', 3, '220300');
INSERT INTO public.regions VALUES ('220322', '梨树县', 3, '220300');
INSERT INTO public.regions VALUES ('220323', '伊通满族自治县', 3, '220300');
INSERT INTO public.regions VALUES ('220382', '双辽市', 3, '220300');
INSERT INTO public.regions VALUES ('220402', '龙山区', 3, '220400');
INSERT INTO public.regions VALUES ('220403', '西安区', 3, '220400');
INSERT INTO public.regions VALUES ('220421', '东丰县', 3, '220400');
INSERT INTO public.regions VALUES ('220422', '东辽县', 3, '220400');
INSERT INTO public.regions VALUES ('220502', '东昌区', 3, '220500');
INSERT INTO public.regions VALUES ('220503', '二道江区', 3, '220500');
INSERT INTO public.regions VALUES ('220521', '通化县', 3, '220500');
INSERT INTO public.regions VALUES ('220523', '辉南县', 3, '220500');
INSERT INTO public.regions VALUES ('220524', '柳河县', 3, '220500');
INSERT INTO public.regions VALUES ('220581', '梅河口市', 3, '220500');
INSERT INTO public.regions VALUES ('220582', '集安市', 3, '220500');
INSERT INTO public.regions VALUES ('220602', '浑江区', 3, '220600');
INSERT INTO public.regions VALUES ('220605', '江源区', 3, '220600');
INSERT INTO public.regions VALUES ('220621', '抚松县', 3, '220600');
INSERT INTO public.regions VALUES ('220622', '靖宇县', 3, '220600');
INSERT INTO public.regions VALUES ('220623', '长白朝鲜族自治县', 3, '220600');
INSERT INTO public.regions VALUES ('220681', '临江市', 3, '220600');
INSERT INTO public.regions VALUES ('220702', '宁江区', 3, '220700');
INSERT INTO public.regions VALUES ('220721', '前郭尔罗斯蒙古族自治县', 3, '220700');
INSERT INTO public.regions VALUES ('220722', '长岭县', 3, '220700');
INSERT INTO public.regions VALUES ('220723', '乾安县', 3, '220700');
INSERT INTO public.regions VALUES ('220771', '吉林松原经济开发区', 3, '220700');
INSERT INTO public.regions VALUES ('220781', '扶余市', 3, '220700');
INSERT INTO public.regions VALUES ('220802', '洮北区', 3, '220800');
INSERT INTO public.regions VALUES ('220821', '镇赉县', 3, '220800');
INSERT INTO public.regions VALUES ('220822', '通榆县', 3, '220800');
INSERT INTO public.regions VALUES ('220871', '吉林白城经济开发区', 3, '220800');
INSERT INTO public.regions VALUES ('220881', '洮南市', 3, '220800');
INSERT INTO public.regions VALUES ('220882', '大安市', 3, '220800');
INSERT INTO public.regions VALUES ('222401', '延吉市', 3, '222400');
INSERT INTO public.regions VALUES ('222402', '图们市', 3, '222400');
INSERT INTO public.regions VALUES ('222403', '敦化市', 3, '222400');
INSERT INTO public.regions VALUES ('222404', '珲春市', 3, '222400');
INSERT INTO public.regions VALUES ('222405', '龙井市', 3, '222400');
INSERT INTO public.regions VALUES ('222406', '和龙市', 3, '222400');
INSERT INTO public.regions VALUES ('222424', '汪清县', 3, '222400');
INSERT INTO public.regions VALUES ('222426', '安图县', 3, '222400');
INSERT INTO public.regions VALUES ('230102', '道里区', 3, '230100');
INSERT INTO public.regions VALUES ('230103', '南岗区', 3, '230100');
INSERT INTO public.regions VALUES ('230104', '道外区', 3, '230100');
INSERT INTO public.regions VALUES ('230108', '平房区', 3, '230100');
INSERT INTO public.regions VALUES ('230109', '松北区', 3, '230100');
INSERT INTO public.regions VALUES ('230110', '香坊区', 3, '230100');
INSERT INTO public.regions VALUES ('230111', '呼兰区', 3, '230100');
INSERT INTO public.regions VALUES ('230112', '阿城区', 3, '230100');
INSERT INTO public.regions VALUES ('230113', '双城区', 3, '230100');
INSERT INTO public.regions VALUES ('230123', '依兰县', 3, '230100');
INSERT INTO public.regions VALUES ('230124', '方正县', 3, '230100');
INSERT INTO public.regions VALUES ('230125', '宾县', 3, '230100');
INSERT INTO public.regions VALUES ('230126', '巴彦县', 3, '230100');
INSERT INTO public.regions VALUES ('230127', '木兰县', 3, '230100');
INSERT INTO public.regions VALUES ('230128', '通河县', 3, '230100');
INSERT INTO public.regions VALUES ('230129', '延寿县', 3, '230100');
INSERT INTO public.regions VALUES ('230183', '尚志市', 3, '230100');
INSERT INTO public.regions VALUES ('230184', '五常市', 3, '230100');
INSERT INTO public.regions VALUES ('230202', '龙沙区', 3, '230200');
INSERT INTO public.regions VALUES ('230203', '建华区', 3, '230200');
INSERT INTO public.regions VALUES ('230204', '铁锋区', 3, '230200');
INSERT INTO public.regions VALUES ('230205', '昂昂溪区', 3, '230200');
INSERT INTO public.regions VALUES ('230206', '富拉尔基区', 3, '230200');
INSERT INTO public.regions VALUES ('230207', '碾子山区', 3, '230200');
INSERT INTO public.regions VALUES ('230208', '梅里斯达斡尔族区', 3, '230200');
INSERT INTO public.regions VALUES ('230221', '龙江县', 3, '230200');
INSERT INTO public.regions VALUES ('230223', '依安县', 3, '230200');
INSERT INTO public.regions VALUES ('230224', '泰来县', 3, '230200');
INSERT INTO public.regions VALUES ('230225', '甘南县', 3, '230200');
INSERT INTO public.regions VALUES ('230227', '富裕县', 3, '230200');
INSERT INTO public.regions VALUES ('230229', '克山县', 3, '230200');
INSERT INTO public.regions VALUES ('230230', '克东县', 3, '230200');
INSERT INTO public.regions VALUES ('230231', '拜泉县', 3, '230200');
INSERT INTO public.regions VALUES ('230281', '讷河市', 3, '230200');
INSERT INTO public.regions VALUES ('230302', '鸡冠区', 3, '230300');
INSERT INTO public.regions VALUES ('230303', '恒山区', 3, '230300');
INSERT INTO public.regions VALUES ('230304', '滴道区', 3, '230300');
INSERT INTO public.regions VALUES ('230305', '梨树区', 3, '230300');
INSERT INTO public.regions VALUES ('230306', '城子河区', 3, '230300');
INSERT INTO public.regions VALUES ('230307', '麻山区', 3, '230300');
INSERT INTO public.regions VALUES ('230321', '鸡东县', 3, '230300');
INSERT INTO public.regions VALUES ('230381', '虎林市', 3, '230300');
INSERT INTO public.regions VALUES ('230382', '密山市', 3, '230300');
INSERT INTO public.regions VALUES ('230402', '向阳区', 3, '230400');
INSERT INTO public.regions VALUES ('230403', '工农区', 3, '230400');
INSERT INTO public.regions VALUES ('230404', '南山区', 3, '230400');
INSERT INTO public.regions VALUES ('230405', '兴安区', 3, '230400');
INSERT INTO public.regions VALUES ('230406', '东山区', 3, '230400');
INSERT INTO public.regions VALUES ('230407', '兴山区', 3, '230400');
INSERT INTO public.regions VALUES ('230421', '萝北县', 3, '230400');
INSERT INTO public.regions VALUES ('230422', '绥滨县', 3, '230400');
INSERT INTO public.regions VALUES ('230502', '尖山区', 3, '230500');
INSERT INTO public.regions VALUES ('230503', '岭东区', 3, '230500');
INSERT INTO public.regions VALUES ('230505', '四方台区', 3, '230500');
INSERT INTO public.regions VALUES ('230506', '宝山区', 3, '230500');
INSERT INTO public.regions VALUES ('230521', '集贤县', 3, '230500');
INSERT INTO public.regions VALUES ('230522', '友谊县', 3, '230500');
INSERT INTO public.regions VALUES ('230523', '宝清县', 3, '230500');
INSERT INTO public.regions VALUES ('230524', '饶河县', 3, '230500');
INSERT INTO public.regions VALUES ('230602', '萨尔图区', 3, '230600');
INSERT INTO public.regions VALUES ('230603', '龙凤区', 3, '230600');
INSERT INTO public.regions VALUES ('230604', '让胡路区', 3, '230600');
INSERT INTO public.regions VALUES ('230605', '红岗区', 3, '230600');
INSERT INTO public.regions VALUES ('230606', '大同区', 3, '230600');
INSERT INTO public.regions VALUES ('230621', '肇州县', 3, '230600');
INSERT INTO public.regions VALUES ('230622', '肇源县', 3, '230600');
INSERT INTO public.regions VALUES ('230623', '林甸县', 3, '230600');
INSERT INTO public.regions VALUES ('230624', '杜尔伯特蒙古族自治县', 3, '230600');
INSERT INTO public.regions VALUES ('230671', '大庆高新技术产业开发区', 3, '230600');
INSERT INTO public.regions VALUES ('230717', '伊美区', 3, '230700');
INSERT INTO public.regions VALUES ('230718', '乌翠区', 3, '230700');
INSERT INTO public.regions VALUES ('230719', '友好区', 3, '230700');
INSERT INTO public.regions VALUES ('230722', '嘉荫县', 3, '230700');
INSERT INTO public.regions VALUES ('230723', '汤旺县', 3, '230700');
INSERT INTO public.regions VALUES ('230724', '丰林县', 3, '230700');
INSERT INTO public.regions VALUES ('230725', '大箐山县', 3, '230700');
INSERT INTO public.regions VALUES ('230726', '南岔县', 3, '230700');
INSERT INTO public.regions VALUES ('230751', '金林区', 3, '230700');
INSERT INTO public.regions VALUES ('230781', '铁力市', 3, '230700');
INSERT INTO public.regions VALUES ('230803', '向阳区', 3, '230800');
INSERT INTO public.regions VALUES ('230804', '前进区', 3, '230800');
INSERT INTO public.regions VALUES ('230805', '东风区', 3, '230800');
INSERT INTO public.regions VALUES ('230811', '郊区', 3, '230800');
INSERT INTO public.regions VALUES ('230822', '桦南县', 3, '230800');
INSERT INTO public.regions VALUES ('230826', '桦川县', 3, '230800');
INSERT INTO public.regions VALUES ('230828', '汤原县', 3, '230800');
INSERT INTO public.regions VALUES ('230881', '同江市', 3, '230800');
INSERT INTO public.regions VALUES ('230882', '富锦市', 3, '230800');
INSERT INTO public.regions VALUES ('230883', '抚远市', 3, '230800');
INSERT INTO public.regions VALUES ('230902', '新兴区', 3, '230900');
INSERT INTO public.regions VALUES ('230903', '桃山区', 3, '230900');
INSERT INTO public.regions VALUES ('230904', '茄子河区', 3, '230900');
INSERT INTO public.regions VALUES ('230921', '勃利县', 3, '230900');
INSERT INTO public.regions VALUES ('231002', '东安区', 3, '231000');
INSERT INTO public.regions VALUES ('231003', '阳明区', 3, '231000');
INSERT INTO public.regions VALUES ('231004', '爱民区', 3, '231000');
INSERT INTO public.regions VALUES ('231005', '西安区', 3, '231000');
INSERT INTO public.regions VALUES ('231025', '林口县', 3, '231000');
INSERT INTO public.regions VALUES ('231081', '绥芬河市', 3, '231000');
INSERT INTO public.regions VALUES ('231083', '海林市', 3, '231000');
INSERT INTO public.regions VALUES ('231084', '宁安市', 3, '231000');
INSERT INTO public.regions VALUES ('231085', '穆棱市', 3, '231000');
INSERT INTO public.regions VALUES ('231086', '东宁市', 3, '231000');
INSERT INTO public.regions VALUES ('231102', '爱辉区', 3, '231100');
INSERT INTO public.regions VALUES ('231123', '逊克县', 3, '231100');
INSERT INTO public.regions VALUES ('231124', '孙吴县', 3, '231100');
INSERT INTO public.regions VALUES ('231181', '北安市', 3, '231100');
INSERT INTO public.regions VALUES ('231182', '五大连池市', 3, '231100');
INSERT INTO public.regions VALUES ('231183', '嫩江市', 3, '231100');
INSERT INTO public.regions VALUES ('231202', '北林区', 3, '231200');
INSERT INTO public.regions VALUES ('231221', '望奎县', 3, '231200');
INSERT INTO public.regions VALUES ('231222', '兰西县', 3, '231200');
INSERT INTO public.regions VALUES ('231223', '青冈县', 3, '231200');
INSERT INTO public.regions VALUES ('231224', '庆安县', 3, '231200');
INSERT INTO public.regions VALUES ('231225', '明水县', 3, '231200');
INSERT INTO public.regions VALUES ('231226', '绥棱县', 3, '231200');
INSERT INTO public.regions VALUES ('231281', '安达市', 3, '231200');
INSERT INTO public.regions VALUES ('231282', '肇东市', 3, '231200');
INSERT INTO public.regions VALUES ('231283', '海伦市', 3, '231200');
INSERT INTO public.regions VALUES ('232701', '漠河市', 3, '232700');
INSERT INTO public.regions VALUES ('232721', '呼玛县', 3, '232700');
INSERT INTO public.regions VALUES ('232722', '塔河县', 3, '232700');
INSERT INTO public.regions VALUES ('232761', '加格达奇区', 3, '232700');
INSERT INTO public.regions VALUES ('232762', '松岭区', 3, '232700');
INSERT INTO public.regions VALUES ('232763', '新林区', 3, '232700');
INSERT INTO public.regions VALUES ('232764', '呼中区', 3, '232700');
INSERT INTO public.regions VALUES ('310101', '黄浦区', 3, '310100');
INSERT INTO public.regions VALUES ('310104', '徐汇区', 3, '310100');
INSERT INTO public.regions VALUES ('310105', '长宁区', 3, '310100');
INSERT INTO public.regions VALUES ('310106', '静安区', 3, '310100');
INSERT INTO public.regions VALUES ('310107', '普陀区', 3, '310100');
INSERT INTO public.regions VALUES ('310109', '虹口区', 3, '310100');
INSERT INTO public.regions VALUES ('310110', '杨浦区', 3, '310100');
INSERT INTO public.regions VALUES ('310112', '闵行区', 3, '310100');
INSERT INTO public.regions VALUES ('310113', '宝山区', 3, '310100');
INSERT INTO public.regions VALUES ('310114', '嘉定区', 3, '310100');
INSERT INTO public.regions VALUES ('310115', '浦东新区', 3, '310100');
INSERT INTO public.regions VALUES ('310116', '金山区', 3, '310100');
INSERT INTO public.regions VALUES ('310117', '松江区', 3, '310100');
INSERT INTO public.regions VALUES ('310118', '青浦区', 3, '310100');
INSERT INTO public.regions VALUES ('310120', '奉贤区', 3, '310100');
INSERT INTO public.regions VALUES ('310151', '崇明区', 3, '310100');
INSERT INTO public.regions VALUES ('320102', '玄武区', 3, '320100');
INSERT INTO public.regions VALUES ('320104', '秦淮区', 3, '320100');
INSERT INTO public.regions VALUES ('320105', '建邺区', 3, '320100');
INSERT INTO public.regions VALUES ('320106', '鼓楼区', 3, '320100');
INSERT INTO public.regions VALUES ('320111', '浦口区', 3, '320100');
INSERT INTO public.regions VALUES ('320113', '栖霞区', 3, '320100');
INSERT INTO public.regions VALUES ('320114', '雨花台区', 3, '320100');
INSERT INTO public.regions VALUES ('320115', '江宁区', 3, '320100');
INSERT INTO public.regions VALUES ('320116', '六合区', 3, '320100');
INSERT INTO public.regions VALUES ('320117', '溧水区', 3, '320100');
INSERT INTO public.regions VALUES ('320118', '高淳区', 3, '320100');
INSERT INTO public.regions VALUES ('320205', '锡山区', 3, '320200');
INSERT INTO public.regions VALUES ('320206', '惠山区', 3, '320200');
INSERT INTO public.regions VALUES ('320211', '滨湖区', 3, '320200');
INSERT INTO public.regions VALUES ('320213', '梁溪区', 3, '320200');
INSERT INTO public.regions VALUES ('320214', '新吴区', 3, '320200');
INSERT INTO public.regions VALUES ('320281', '江阴市', 3, '320200');
INSERT INTO public.regions VALUES ('320282', '宜兴市', 3, '320200');
INSERT INTO public.regions VALUES ('320302', '鼓楼区', 3, '320300');
INSERT INTO public.regions VALUES ('320303', '云龙区', 3, '320300');
INSERT INTO public.regions VALUES ('320305', '贾汪区', 3, '320300');
INSERT INTO public.regions VALUES ('320311', '泉山区', 3, '320300');
INSERT INTO public.regions VALUES ('320312', '铜山区', 3, '320300');
INSERT INTO public.regions VALUES ('320321', '丰县', 3, '320300');
INSERT INTO public.regions VALUES ('320322', '沛县', 3, '320300');
INSERT INTO public.regions VALUES ('320324', '睢宁县', 3, '320300');
INSERT INTO public.regions VALUES ('320371', '徐州经济技术开发区', 3, '320300');
INSERT INTO public.regions VALUES ('320381', '新沂市', 3, '320300');
INSERT INTO public.regions VALUES ('320382', '邳州市', 3, '320300');
INSERT INTO public.regions VALUES ('320402', '天宁区', 3, '320400');
INSERT INTO public.regions VALUES ('320404', '钟楼区', 3, '320400');
INSERT INTO public.regions VALUES ('320411', '新北区', 3, '320400');
INSERT INTO public.regions VALUES ('320412', '武进区', 3, '320400');
INSERT INTO public.regions VALUES ('320413', '金坛区', 3, '320400');
INSERT INTO public.regions VALUES ('320481', '溧阳市', 3, '320400');
INSERT INTO public.regions VALUES ('320505', '虎丘区', 3, '320500');
INSERT INTO public.regions VALUES ('320506', '吴中区', 3, '320500');
INSERT INTO public.regions VALUES ('320507', '相城区', 3, '320500');
INSERT INTO public.regions VALUES ('320508', '姑苏区', 3, '320500');
INSERT INTO public.regions VALUES ('320509', '吴江区', 3, '320500');
INSERT INTO public.regions VALUES ('320576', '苏州工业园区', 3, '320500');
INSERT INTO public.regions VALUES ('320581', '常熟市', 3, '320500');
INSERT INTO public.regions VALUES ('320582', '张家港市', 3, '320500');
INSERT INTO public.regions VALUES ('320583', '昆山市', 3, '320500');
INSERT INTO public.regions VALUES ('320585', '太仓市', 3, '320500');
INSERT INTO public.regions VALUES ('320612', '通州区', 3, '320600');
INSERT INTO public.regions VALUES ('320613', '崇川区', 3, '320600');
INSERT INTO public.regions VALUES ('320614', '海门区', 3, '320600');
INSERT INTO public.regions VALUES ('320623', '如东县', 3, '320600');
INSERT INTO public.regions VALUES ('320671', '南通经济技术开发区', 3, '320600');
INSERT INTO public.regions VALUES ('320681', '启东市', 3, '320600');
INSERT INTO public.regions VALUES ('320682', '如皋市', 3, '320600');
INSERT INTO public.regions VALUES ('320685', '海安市', 3, '320600');
INSERT INTO public.regions VALUES ('320703', '连云区', 3, '320700');
INSERT INTO public.regions VALUES ('320706', '海州区', 3, '320700');
INSERT INTO public.regions VALUES ('320707', '赣榆区', 3, '320700');
INSERT INTO public.regions VALUES ('320722', '东海县', 3, '320700');
INSERT INTO public.regions VALUES ('320723', '灌云县', 3, '320700');
INSERT INTO public.regions VALUES ('320724', '灌南县', 3, '320700');
INSERT INTO public.regions VALUES ('320771', '连云港经济技术开发区', 3, '320700');
INSERT INTO public.regions VALUES ('320803', '淮安区', 3, '320800');
INSERT INTO public.regions VALUES ('320804', '淮阴区', 3, '320800');
INSERT INTO public.regions VALUES ('320812', '清江浦区', 3, '320800');
INSERT INTO public.regions VALUES ('320813', '洪泽区', 3, '320800');
INSERT INTO public.regions VALUES ('320826', '涟水县', 3, '320800');
INSERT INTO public.regions VALUES ('320830', '盱眙县', 3, '320800');
INSERT INTO public.regions VALUES ('320831', '金湖县', 3, '320800');
INSERT INTO public.regions VALUES ('320871', '淮安经济技术开发区', 3, '320800');
INSERT INTO public.regions VALUES ('320902', '亭湖区', 3, '320900');
INSERT INTO public.regions VALUES ('320903', '盐都区', 3, '320900');
INSERT INTO public.regions VALUES ('320904', '大丰区', 3, '320900');
INSERT INTO public.regions VALUES ('320921', '响水县', 3, '320900');
INSERT INTO public.regions VALUES ('320922', '滨海县', 3, '320900');
INSERT INTO public.regions VALUES ('320923', '阜宁县', 3, '320900');
INSERT INTO public.regions VALUES ('320924', '射阳县', 3, '320900');
INSERT INTO public.regions VALUES ('320925', '建湖县', 3, '320900');
INSERT INTO public.regions VALUES ('320971', '盐城经济技术开发区', 3, '320900');
INSERT INTO public.regions VALUES ('320981', '东台市', 3, '320900');
INSERT INTO public.regions VALUES ('321002', '广陵区', 3, '321000');
INSERT INTO public.regions VALUES ('321003', '邗江区', 3, '321000');
INSERT INTO public.regions VALUES ('321012', '江都区', 3, '321000');
INSERT INTO public.regions VALUES ('321023', '宝应县', 3, '321000');
INSERT INTO public.regions VALUES ('321071', '扬州经济技术开发区', 3, '321000');
INSERT INTO public.regions VALUES ('321081', '仪征市', 3, '321000');
INSERT INTO public.regions VALUES ('321084', '高邮市', 3, '321000');
INSERT INTO public.regions VALUES ('321102', '京口区', 3, '321100');
INSERT INTO public.regions VALUES ('321111', '润州区', 3, '321100');
INSERT INTO public.regions VALUES ('321112', '丹徒区', 3, '321100');
INSERT INTO public.regions VALUES ('321171', '镇江新区', 3, '321100');
INSERT INTO public.regions VALUES ('321181', '丹阳市', 3, '321100');
INSERT INTO public.regions VALUES ('321182', '扬中市', 3, '321100');
INSERT INTO public.regions VALUES ('321183', '句容市', 3, '321100');
INSERT INTO public.regions VALUES ('321202', '海陵区', 3, '321200');
INSERT INTO public.regions VALUES ('321203', '高港区', 3, '321200');
INSERT INTO public.regions VALUES ('321204', '姜堰区', 3, '321200');
INSERT INTO public.regions VALUES ('321281', '兴化市', 3, '321200');
INSERT INTO public.regions VALUES ('321282', '靖江市', 3, '321200');
INSERT INTO public.regions VALUES ('321283', '泰兴市', 3, '321200');
INSERT INTO public.regions VALUES ('321302', '宿城区', 3, '321300');
INSERT INTO public.regions VALUES ('321311', '宿豫区', 3, '321300');
INSERT INTO public.regions VALUES ('321322', '沭阳县', 3, '321300');
INSERT INTO public.regions VALUES ('321323', '泗阳县', 3, '321300');
INSERT INTO public.regions VALUES ('321324', '泗洪县', 3, '321300');
INSERT INTO public.regions VALUES ('321371', '宿迁经济技术开发区', 3, '321300');
INSERT INTO public.regions VALUES ('330102', '上城区', 3, '330100');
INSERT INTO public.regions VALUES ('330105', '拱墅区', 3, '330100');
INSERT INTO public.regions VALUES ('330106', '西湖区', 3, '330100');
INSERT INTO public.regions VALUES ('330108', '滨江区', 3, '330100');
INSERT INTO public.regions VALUES ('330109', '萧山区', 3, '330100');
INSERT INTO public.regions VALUES ('330110', '余杭区', 3, '330100');
INSERT INTO public.regions VALUES ('330111', '富阳区', 3, '330100');
INSERT INTO public.regions VALUES ('330112', '临安区', 3, '330100');
INSERT INTO public.regions VALUES ('330113', '临平区', 3, '330100');
INSERT INTO public.regions VALUES ('330114', '钱塘区', 3, '330100');
INSERT INTO public.regions VALUES ('330122', '桐庐县', 3, '330100');
INSERT INTO public.regions VALUES ('330127', '淳安县', 3, '330100');
INSERT INTO public.regions VALUES ('330182', '建德市', 3, '330100');
INSERT INTO public.regions VALUES ('330203', '海曙区', 3, '330200');
INSERT INTO public.regions VALUES ('330205', '江北区', 3, '330200');
INSERT INTO public.regions VALUES ('330206', '北仑区', 3, '330200');
INSERT INTO public.regions VALUES ('330211', '镇海区', 3, '330200');
INSERT INTO public.regions VALUES ('330212', '鄞州区', 3, '330200');
INSERT INTO public.regions VALUES ('330213', '奉化区', 3, '330200');
INSERT INTO public.regions VALUES ('330225', '象山县', 3, '330200');
INSERT INTO public.regions VALUES ('330226', '宁海县', 3, '330200');
INSERT INTO public.regions VALUES ('330281', '余姚市', 3, '330200');
INSERT INTO public.regions VALUES ('330282', '慈溪市', 3, '330200');
INSERT INTO public.regions VALUES ('330302', '鹿城区', 3, '330300');
INSERT INTO public.regions VALUES ('330303', '龙湾区', 3, '330300');
INSERT INTO public.regions VALUES ('330304', '瓯海区', 3, '330300');
INSERT INTO public.regions VALUES ('330305', '洞头区', 3, '330300');
INSERT INTO public.regions VALUES ('330324', '永嘉县', 3, '330300');
INSERT INTO public.regions VALUES ('330326', '平阳县', 3, '330300');
INSERT INTO public.regions VALUES ('330327', '苍南县', 3, '330300');
INSERT INTO public.regions VALUES ('330328', '文成县', 3, '330300');
INSERT INTO public.regions VALUES ('330329', '泰顺县', 3, '330300');
INSERT INTO public.regions VALUES ('330381', '瑞安市', 3, '330300');
INSERT INTO public.regions VALUES ('330382', '乐清市', 3, '330300');
INSERT INTO public.regions VALUES ('330383', '龙港市', 3, '330300');
INSERT INTO public.regions VALUES ('330402', '南湖区', 3, '330400');
INSERT INTO public.regions VALUES ('330411', '秀洲区', 3, '330400');
INSERT INTO public.regions VALUES ('330421', '嘉善县', 3, '330400');
INSERT INTO public.regions VALUES ('330424', '海盐县', 3, '330400');
INSERT INTO public.regions VALUES ('330481', '海宁市', 3, '330400');
INSERT INTO public.regions VALUES ('330482', '平湖市', 3, '330400');
INSERT INTO public.regions VALUES ('330483', '桐乡市', 3, '330400');
INSERT INTO public.regions VALUES ('330502', '吴兴区', 3, '330500');
INSERT INTO public.regions VALUES ('330503', '南浔区', 3, '330500');
INSERT INTO public.regions VALUES ('330521', '德清县', 3, '330500');
INSERT INTO public.regions VALUES ('330522', '长兴县', 3, '330500');
INSERT INTO public.regions VALUES ('330523', '安吉县', 3, '330500');
INSERT INTO public.regions VALUES ('330602', '越城区', 3, '330600');
INSERT INTO public.regions VALUES ('330603', '柯桥区', 3, '330600');
INSERT INTO public.regions VALUES ('330604', '上虞区', 3, '330600');
INSERT INTO public.regions VALUES ('330624', '新昌县', 3, '330600');
INSERT INTO public.regions VALUES ('330681', '诸暨市', 3, '330600');
INSERT INTO public.regions VALUES ('330683', '嵊州市', 3, '330600');
INSERT INTO public.regions VALUES ('330702', '婺城区', 3, '330700');
INSERT INTO public.regions VALUES ('330703', '金东区', 3, '330700');
INSERT INTO public.regions VALUES ('330723', '武义县', 3, '330700');
INSERT INTO public.regions VALUES ('330726', '浦江县', 3, '330700');
INSERT INTO public.regions VALUES ('330727', '磐安县', 3, '330700');
INSERT INTO public.regions VALUES ('330781', '兰溪市', 3, '330700');
INSERT INTO public.regions VALUES ('330782', '义乌市', 3, '330700');
INSERT INTO public.regions VALUES ('330783', '东阳市', 3, '330700');
INSERT INTO public.regions VALUES ('330784', '永康市', 3, '330700');
INSERT INTO public.regions VALUES ('330802', '柯城区', 3, '330800');
INSERT INTO public.regions VALUES ('330803', '衢江区', 3, '330800');
INSERT INTO public.regions VALUES ('330822', '常山县', 3, '330800');
INSERT INTO public.regions VALUES ('330824', '开化县', 3, '330800');
INSERT INTO public.regions VALUES ('330825', '龙游县', 3, '330800');
INSERT INTO public.regions VALUES ('330881', '江山市', 3, '330800');
INSERT INTO public.regions VALUES ('330902', '定海区', 3, '330900');
INSERT INTO public.regions VALUES ('330903', '普陀区', 3, '330900');
INSERT INTO public.regions VALUES ('330921', '岱山县', 3, '330900');
INSERT INTO public.regions VALUES ('330922', '嵊泗县', 3, '330900');
INSERT INTO public.regions VALUES ('331002', '椒江区', 3, '331000');
INSERT INTO public.regions VALUES ('331003', '黄岩区', 3, '331000');
INSERT INTO public.regions VALUES ('331004', '路桥区', 3, '331000');
INSERT INTO public.regions VALUES ('331022', '三门县', 3, '331000');
INSERT INTO public.regions VALUES ('331023', '天台县', 3, '331000');
INSERT INTO public.regions VALUES ('331024', '仙居县', 3, '331000');
INSERT INTO public.regions VALUES ('331081', '温岭市', 3, '331000');
INSERT INTO public.regions VALUES ('331082', '临海市', 3, '331000');
INSERT INTO public.regions VALUES ('331083', '玉环市', 3, '331000');
INSERT INTO public.regions VALUES ('331102', '莲都区', 3, '331100');
INSERT INTO public.regions VALUES ('331121', '青田县', 3, '331100');
INSERT INTO public.regions VALUES ('331122', '缙云县', 3, '331100');
INSERT INTO public.regions VALUES ('331123', '遂昌县', 3, '331100');
INSERT INTO public.regions VALUES ('331124', '松阳县', 3, '331100');
INSERT INTO public.regions VALUES ('331125', '云和县', 3, '331100');
INSERT INTO public.regions VALUES ('331126', '庆元县', 3, '331100');
INSERT INTO public.regions VALUES ('331127', '景宁畲族自治县', 3, '331100');
INSERT INTO public.regions VALUES ('331181', '龙泉市', 3, '331100');
INSERT INTO public.regions VALUES ('340102', '瑶海区', 3, '340100');
INSERT INTO public.regions VALUES ('340103', '庐阳区', 3, '340100');
INSERT INTO public.regions VALUES ('340104', '蜀山区', 3, '340100');
INSERT INTO public.regions VALUES ('340111', '包河区', 3, '340100');
INSERT INTO public.regions VALUES ('340121', '长丰县', 3, '340100');
INSERT INTO public.regions VALUES ('340122', '肥东县', 3, '340100');
INSERT INTO public.regions VALUES ('340123', '肥西县', 3, '340100');
INSERT INTO public.regions VALUES ('340124', '庐江县', 3, '340100');
INSERT INTO public.regions VALUES ('340176', '合肥高新技术产业开发区', 3, '340100');
INSERT INTO public.regions VALUES ('340177', '合肥经济技术开发区', 3, '340100');
INSERT INTO public.regions VALUES ('340178', '合肥新站高新技术产业开发区', 3, '340100');
INSERT INTO public.regions VALUES ('340181', '巢湖市', 3, '340100');
INSERT INTO public.regions VALUES ('340202', '镜湖区', 3, '340200');
INSERT INTO public.regions VALUES ('340207', '鸠江区', 3, '340200');
INSERT INTO public.regions VALUES ('340209', '弋江区', 3, '340200');
INSERT INTO public.regions VALUES ('340210', '湾沚区', 3, '340200');
INSERT INTO public.regions VALUES ('340212', '繁昌区', 3, '340200');
INSERT INTO public.regions VALUES ('340223', '南陵县', 3, '340200');
INSERT INTO public.regions VALUES ('340271', '芜湖经济技术开发区', 3, '340200');
INSERT INTO public.regions VALUES ('340272', '安徽芜湖三山经济开发区', 3, '340200');
INSERT INTO public.regions VALUES ('340281', '无为市', 3, '340200');
INSERT INTO public.regions VALUES ('340302', '龙子湖区', 3, '340300');
INSERT INTO public.regions VALUES ('340303', '蚌山区', 3, '340300');
INSERT INTO public.regions VALUES ('340304', '禹会区', 3, '340300');
INSERT INTO public.regions VALUES ('340311', '淮上区', 3, '340300');
INSERT INTO public.regions VALUES ('340321', '怀远县', 3, '340300');
INSERT INTO public.regions VALUES ('340322', '五河县', 3, '340300');
INSERT INTO public.regions VALUES ('340323', '固镇县', 3, '340300');
INSERT INTO public.regions VALUES ('340371', '蚌埠市高新技术开发区', 3, '340300');
INSERT INTO public.regions VALUES ('340372', '蚌埠市经济开发区', 3, '340300');
INSERT INTO public.regions VALUES ('340402', '大通区', 3, '340400');
INSERT INTO public.regions VALUES ('340403', '田家庵区', 3, '340400');
INSERT INTO public.regions VALUES ('340404', '谢家集区', 3, '340400');
INSERT INTO public.regions VALUES ('340405', '八公山区', 3, '340400');
INSERT INTO public.regions VALUES ('340406', '潘集区', 3, '340400');
INSERT INTO public.regions VALUES ('340421', '凤台县', 3, '340400');
INSERT INTO public.regions VALUES ('340422', '寿县', 3, '340400');
INSERT INTO public.regions VALUES ('340503', '花山区', 3, '340500');
INSERT INTO public.regions VALUES ('340504', '雨山区', 3, '340500');
INSERT INTO public.regions VALUES ('340506', '博望区', 3, '340500');
INSERT INTO public.regions VALUES ('340521', '当涂县', 3, '340500');
INSERT INTO public.regions VALUES ('340522', '含山县', 3, '340500');
INSERT INTO public.regions VALUES ('340523', '和县', 3, '340500');
INSERT INTO public.regions VALUES ('340602', '杜集区', 3, '340600');
INSERT INTO public.regions VALUES ('340603', '相山区', 3, '340600');
INSERT INTO public.regions VALUES ('340604', '烈山区', 3, '340600');
INSERT INTO public.regions VALUES ('340621', '濉溪县', 3, '340600');
INSERT INTO public.regions VALUES ('340705', '铜官区', 3, '340700');
INSERT INTO public.regions VALUES ('340706', '义安区', 3, '340700');
INSERT INTO public.regions VALUES ('340711', '郊区', 3, '340700');
INSERT INTO public.regions VALUES ('340722', '枞阳县', 3, '340700');
INSERT INTO public.regions VALUES ('340802', '迎江区', 3, '340800');
INSERT INTO public.regions VALUES ('340803', '大观区', 3, '340800');
INSERT INTO public.regions VALUES ('340811', '宜秀区', 3, '340800');
INSERT INTO public.regions VALUES ('340822', '怀宁县', 3, '340800');
INSERT INTO public.regions VALUES ('340825', '太湖县', 3, '340800');
INSERT INTO public.regions VALUES ('340826', '宿松县', 3, '340800');
INSERT INTO public.regions VALUES ('340827', '望江县', 3, '340800');
INSERT INTO public.regions VALUES ('340828', '岳西县', 3, '340800');
INSERT INTO public.regions VALUES ('340871', '安徽安庆经济开发区', 3, '340800');
INSERT INTO public.regions VALUES ('340881', '桐城市', 3, '340800');
INSERT INTO public.regions VALUES ('340882', '潜山市', 3, '340800');
INSERT INTO public.regions VALUES ('341002', '屯溪区', 3, '341000');
INSERT INTO public.regions VALUES ('341003', '黄山区', 3, '341000');
INSERT INTO public.regions VALUES ('341004', '徽州区', 3, '341000');
INSERT INTO public.regions VALUES ('341021', '歙县', 3, '341000');
INSERT INTO public.regions VALUES ('341022', '休宁县', 3, '341000');
INSERT INTO public.regions VALUES ('341023', '黟县', 3, '341000');
INSERT INTO public.regions VALUES ('341024', '祁门县', 3, '341000');
INSERT INTO public.regions VALUES ('341102', '琅琊区', 3, '341100');
INSERT INTO public.regions VALUES ('341103', '南谯区', 3, '341100');
INSERT INTO public.regions VALUES ('341122', '来安县', 3, '341100');
INSERT INTO public.regions VALUES ('341124', '全椒县', 3, '341100');
INSERT INTO public.regions VALUES ('341125', '定远县', 3, '341100');
INSERT INTO public.regions VALUES ('341126', '凤阳县', 3, '341100');
INSERT INTO public.regions VALUES ('341171', '中新苏滁高新技术产业开发区', 3, '341100');
INSERT INTO public.regions VALUES ('341172', '滁州经济技术开发区', 3, '341100');
INSERT INTO public.regions VALUES ('341181', '天长市', 3, '341100');
INSERT INTO public.regions VALUES ('341182', '明光市', 3, '341100');
INSERT INTO public.regions VALUES ('341202', '颍州区', 3, '341200');
INSERT INTO public.regions VALUES ('341203', '颍东区', 3, '341200');
INSERT INTO public.regions VALUES ('341204', '颍泉区', 3, '341200');
INSERT INTO public.regions VALUES ('341221', '临泉县', 3, '341200');
INSERT INTO public.regions VALUES ('341222', '太和县', 3, '341200');
INSERT INTO public.regions VALUES ('341225', '阜南县', 3, '341200');
INSERT INTO public.regions VALUES ('341226', '颍上县', 3, '341200');
INSERT INTO public.regions VALUES ('341271', '阜阳合肥现代产业园区', 3, '341200');
INSERT INTO public.regions VALUES ('341272', '阜阳经济技术开发区', 3, '341200');
INSERT INTO public.regions VALUES ('341282', '界首市', 3, '341200');
INSERT INTO public.regions VALUES ('341302', '埇桥区', 3, '341300');
INSERT INTO public.regions VALUES ('341321', '砀山县', 3, '341300');
INSERT INTO public.regions VALUES ('341322', '萧县', 3, '341300');
INSERT INTO public.regions VALUES ('341323', '灵璧县', 3, '341300');
INSERT INTO public.regions VALUES ('341324', '泗县', 3, '341300');
INSERT INTO public.regions VALUES ('341371', '宿州马鞍山现代产业园区', 3, '341300');
INSERT INTO public.regions VALUES ('341372', '宿州经济技术开发区', 3, '341300');
INSERT INTO public.regions VALUES ('341502', '金安区', 3, '341500');
INSERT INTO public.regions VALUES ('341503', '裕安区', 3, '341500');
INSERT INTO public.regions VALUES ('341504', '叶集区', 3, '341500');
INSERT INTO public.regions VALUES ('341522', '霍邱县', 3, '341500');
INSERT INTO public.regions VALUES ('341523', '舒城县', 3, '341500');
INSERT INTO public.regions VALUES ('341524', '金寨县', 3, '341500');
INSERT INTO public.regions VALUES ('341525', '霍山县', 3, '341500');
INSERT INTO public.regions VALUES ('341602', '谯城区', 3, '341600');
INSERT INTO public.regions VALUES ('341621', '涡阳县', 3, '341600');
INSERT INTO public.regions VALUES ('341622', '蒙城县', 3, '341600');
INSERT INTO public.regions VALUES ('341623', '利辛县', 3, '341600');
INSERT INTO public.regions VALUES ('341702', '贵池区', 3, '341700');
INSERT INTO public.regions VALUES ('341721', '东至县', 3, '341700');
INSERT INTO public.regions VALUES ('341722', '石台县', 3, '341700');
INSERT INTO public.regions VALUES ('341723', '青阳县', 3, '341700');
INSERT INTO public.regions VALUES ('341802', '宣州区', 3, '341800');
INSERT INTO public.regions VALUES ('341821', '郎溪县', 3, '341800');
INSERT INTO public.regions VALUES ('341823', '泾县', 3, '341800');
INSERT INTO public.regions VALUES ('341824', '绩溪县', 3, '341800');
INSERT INTO public.regions VALUES ('341825', '旌德县', 3, '341800');
INSERT INTO public.regions VALUES ('341871', '宣城市经济开发区', 3, '341800');
INSERT INTO public.regions VALUES ('341881', '宁国市', 3, '341800');
INSERT INTO public.regions VALUES ('341882', '广德市', 3, '341800');
INSERT INTO public.regions VALUES ('350102', '鼓楼区', 3, '350100');
INSERT INTO public.regions VALUES ('350103', '台江区', 3, '350100');
INSERT INTO public.regions VALUES ('350104', '仓山区', 3, '350100');
INSERT INTO public.regions VALUES ('350105', '马尾区', 3, '350100');
INSERT INTO public.regions VALUES ('350111', '晋安区', 3, '350100');
INSERT INTO public.regions VALUES ('350112', '长乐区', 3, '350100');
INSERT INTO public.regions VALUES ('350121', '闽侯县', 3, '350100');
INSERT INTO public.regions VALUES ('350122', '连江县', 3, '350100');
INSERT INTO public.regions VALUES ('350123', '罗源县', 3, '350100');
INSERT INTO public.regions VALUES ('350124', '闽清县', 3, '350100');
INSERT INTO public.regions VALUES ('350125', '永泰县', 3, '350100');
INSERT INTO public.regions VALUES ('350128', '平潭县', 3, '350100');
INSERT INTO public.regions VALUES ('350181', '福清市', 3, '350100');
INSERT INTO public.regions VALUES ('350203', '思明区', 3, '350200');
INSERT INTO public.regions VALUES ('350205', '海沧区', 3, '350200');
INSERT INTO public.regions VALUES ('350206', '湖里区', 3, '350200');
INSERT INTO public.regions VALUES ('350211', '集美区', 3, '350200');
INSERT INTO public.regions VALUES ('350212', '同安区', 3, '350200');
INSERT INTO public.regions VALUES ('350213', '翔安区', 3, '350200');
INSERT INTO public.regions VALUES ('350302', '城厢区', 3, '350300');
INSERT INTO public.regions VALUES ('350303', '涵江区', 3, '350300');
INSERT INTO public.regions VALUES ('350304', '荔城区', 3, '350300');
INSERT INTO public.regions VALUES ('350305', '秀屿区', 3, '350300');
INSERT INTO public.regions VALUES ('350322', '仙游县', 3, '350300');
INSERT INTO public.regions VALUES ('350404', '三元区', 3, '350400');
INSERT INTO public.regions VALUES ('350405', '沙县区', 3, '350400');
INSERT INTO public.regions VALUES ('350421', '明溪县', 3, '350400');
INSERT INTO public.regions VALUES ('350423', '清流县', 3, '350400');
INSERT INTO public.regions VALUES ('350424', '宁化县', 3, '350400');
INSERT INTO public.regions VALUES ('350425', '大田县', 3, '350400');
INSERT INTO public.regions VALUES ('350426', '尤溪县', 3, '350400');
INSERT INTO public.regions VALUES ('350428', '将乐县', 3, '350400');
INSERT INTO public.regions VALUES ('350429', '泰宁县', 3, '350400');
INSERT INTO public.regions VALUES ('350430', '建宁县', 3, '350400');
INSERT INTO public.regions VALUES ('350481', '永安市', 3, '350400');
INSERT INTO public.regions VALUES ('350502', '鲤城区', 3, '350500');
INSERT INTO public.regions VALUES ('350503', '丰泽区', 3, '350500');
INSERT INTO public.regions VALUES ('350504', '洛江区', 3, '350500');
INSERT INTO public.regions VALUES ('350505', '泉港区', 3, '350500');
INSERT INTO public.regions VALUES ('350521', '惠安县', 3, '350500');
INSERT INTO public.regions VALUES ('350524', '安溪县', 3, '350500');
INSERT INTO public.regions VALUES ('350525', '永春县', 3, '350500');
INSERT INTO public.regions VALUES ('350526', '德化县', 3, '350500');
INSERT INTO public.regions VALUES ('350527', '金门县', 3, '350500');
INSERT INTO public.regions VALUES ('350581', '石狮市', 3, '350500');
INSERT INTO public.regions VALUES ('350582', '晋江市', 3, '350500');
INSERT INTO public.regions VALUES ('350583', '南安市', 3, '350500');
INSERT INTO public.regions VALUES ('350602', '芗城区', 3, '350600');
INSERT INTO public.regions VALUES ('350603', '龙文区', 3, '350600');
INSERT INTO public.regions VALUES ('350604', '龙海区', 3, '350600');
INSERT INTO public.regions VALUES ('350605', '长泰区', 3, '350600');
INSERT INTO public.regions VALUES ('350622', '云霄县', 3, '350600');
INSERT INTO public.regions VALUES ('350623', '漳浦县', 3, '350600');
INSERT INTO public.regions VALUES ('350624', '诏安县', 3, '350600');
INSERT INTO public.regions VALUES ('350626', '东山县', 3, '350600');
INSERT INTO public.regions VALUES ('350627', '南靖县', 3, '350600');
INSERT INTO public.regions VALUES ('350628', '平和县', 3, '350600');
INSERT INTO public.regions VALUES ('350629', '华安县', 3, '350600');
INSERT INTO public.regions VALUES ('350702', '延平区', 3, '350700');
INSERT INTO public.regions VALUES ('350703', '建阳区', 3, '350700');
INSERT INTO public.regions VALUES ('350721', '顺昌县', 3, '350700');
INSERT INTO public.regions VALUES ('350722', '浦城县', 3, '350700');
INSERT INTO public.regions VALUES ('350723', '光泽县', 3, '350700');
INSERT INTO public.regions VALUES ('350724', '松溪县', 3, '350700');
INSERT INTO public.regions VALUES ('350725', '政和县', 3, '350700');
INSERT INTO public.regions VALUES ('350781', '邵武市', 3, '350700');
INSERT INTO public.regions VALUES ('350782', '武夷山市', 3, '350700');
INSERT INTO public.regions VALUES ('350783', '建瓯市', 3, '350700');
INSERT INTO public.regions VALUES ('350802', '新罗区', 3, '350800');
INSERT INTO public.regions VALUES ('350803', '永定区', 3, '350800');
INSERT INTO public.regions VALUES ('350821', '长汀县', 3, '350800');
INSERT INTO public.regions VALUES ('350823', '上杭县', 3, '350800');
INSERT INTO public.regions VALUES ('350824', '武平县', 3, '350800');
INSERT INTO public.regions VALUES ('350825', '连城县', 3, '350800');
INSERT INTO public.regions VALUES ('350881', '漳平市', 3, '350800');
INSERT INTO public.regions VALUES ('350902', '蕉城区', 3, '350900');
INSERT INTO public.regions VALUES ('350921', '霞浦县', 3, '350900');
INSERT INTO public.regions VALUES ('350922', '古田县', 3, '350900');
INSERT INTO public.regions VALUES ('350923', '屏南县', 3, '350900');
INSERT INTO public.regions VALUES ('350924', '寿宁县', 3, '350900');
INSERT INTO public.regions VALUES ('350925', '周宁县', 3, '350900');
INSERT INTO public.regions VALUES ('350926', '柘荣县', 3, '350900');
INSERT INTO public.regions VALUES ('350981', '福安市', 3, '350900');
INSERT INTO public.regions VALUES ('350982', '福鼎市', 3, '350900');
INSERT INTO public.regions VALUES ('360102', '东湖区', 3, '360100');
INSERT INTO public.regions VALUES ('360103', '西湖区', 3, '360100');
INSERT INTO public.regions VALUES ('360104', '青云谱区', 3, '360100');
INSERT INTO public.regions VALUES ('360111', '青山湖区', 3, '360100');
INSERT INTO public.regions VALUES ('360112', '新建区', 3, '360100');
INSERT INTO public.regions VALUES ('360113', '红谷滩区', 3, '360100');
INSERT INTO public.regions VALUES ('360121', '南昌县', 3, '360100');
INSERT INTO public.regions VALUES ('360123', '安义县', 3, '360100');
INSERT INTO public.regions VALUES ('360124', '进贤县', 3, '360100');
INSERT INTO public.regions VALUES ('360202', '昌江区', 3, '360200');
INSERT INTO public.regions VALUES ('360203', '珠山区', 3, '360200');
INSERT INTO public.regions VALUES ('360222', '浮梁县', 3, '360200');
INSERT INTO public.regions VALUES ('360281', '乐平市', 3, '360200');
INSERT INTO public.regions VALUES ('360302', '安源区', 3, '360300');
INSERT INTO public.regions VALUES ('360313', '湘东区', 3, '360300');
INSERT INTO public.regions VALUES ('360321', '莲花县', 3, '360300');
INSERT INTO public.regions VALUES ('360322', '上栗县', 3, '360300');
INSERT INTO public.regions VALUES ('360323', '芦溪县', 3, '360300');
INSERT INTO public.regions VALUES ('360402', '濂溪区', 3, '360400');
INSERT INTO public.regions VALUES ('360403', '浔阳区', 3, '360400');
INSERT INTO public.regions VALUES ('360404', '柴桑区', 3, '360400');
INSERT INTO public.regions VALUES ('360423', '武宁县', 3, '360400');
INSERT INTO public.regions VALUES ('360424', '修水县', 3, '360400');
INSERT INTO public.regions VALUES ('360425', '永修县', 3, '360400');
INSERT INTO public.regions VALUES ('360426', '德安县', 3, '360400');
INSERT INTO public.regions VALUES ('360428', '都昌县', 3, '360400');
INSERT INTO public.regions VALUES ('360429', '湖口县', 3, '360400');
INSERT INTO public.regions VALUES ('360430', '彭泽县', 3, '360400');
INSERT INTO public.regions VALUES ('360481', '瑞昌市', 3, '360400');
INSERT INTO public.regions VALUES ('360482', '共青城市', 3, '360400');
INSERT INTO public.regions VALUES ('360483', '庐山市', 3, '360400');
INSERT INTO public.regions VALUES ('360502', '渝水区', 3, '360500');
INSERT INTO public.regions VALUES ('360521', '分宜县', 3, '360500');
INSERT INTO public.regions VALUES ('360602', '月湖区', 3, '360600');
INSERT INTO public.regions VALUES ('360603', '余江区', 3, '360600');
INSERT INTO public.regions VALUES ('360681', '贵溪市', 3, '360600');
INSERT INTO public.regions VALUES ('360702', '章贡区', 3, '360700');
INSERT INTO public.regions VALUES ('360703', '南康区', 3, '360700');
INSERT INTO public.regions VALUES ('360704', '赣县区', 3, '360700');
INSERT INTO public.regions VALUES ('360722', '信丰县', 3, '360700');
INSERT INTO public.regions VALUES ('360723', '大余县', 3, '360700');
INSERT INTO public.regions VALUES ('360724', '上犹县', 3, '360700');
INSERT INTO public.regions VALUES ('360725', '崇义县', 3, '360700');
INSERT INTO public.regions VALUES ('360726', '安远县', 3, '360700');
INSERT INTO public.regions VALUES ('360728', '定南县', 3, '360700');
INSERT INTO public.regions VALUES ('360729', '全南县', 3, '360700');
INSERT INTO public.regions VALUES ('360730', '宁都县', 3, '360700');
INSERT INTO public.regions VALUES ('360731', '于都县', 3, '360700');
INSERT INTO public.regions VALUES ('360732', '兴国县', 3, '360700');
INSERT INTO public.regions VALUES ('360733', '会昌县', 3, '360700');
INSERT INTO public.regions VALUES ('360734', '寻乌县', 3, '360700');
INSERT INTO public.regions VALUES ('360735', '石城县', 3, '360700');
INSERT INTO public.regions VALUES ('360781', '瑞金市', 3, '360700');
INSERT INTO public.regions VALUES ('360783', '龙南市', 3, '360700');
INSERT INTO public.regions VALUES ('360802', '吉州区', 3, '360800');
INSERT INTO public.regions VALUES ('360803', '青原区', 3, '360800');
INSERT INTO public.regions VALUES ('360821', '吉安县', 3, '360800');
INSERT INTO public.regions VALUES ('360822', '吉水县', 3, '360800');
INSERT INTO public.regions VALUES ('360823', '峡江县', 3, '360800');
INSERT INTO public.regions VALUES ('360824', '新干县', 3, '360800');
INSERT INTO public.regions VALUES ('360825', '永丰县', 3, '360800');
INSERT INTO public.regions VALUES ('360826', '泰和县', 3, '360800');
INSERT INTO public.regions VALUES ('360827', '遂川县', 3, '360800');
INSERT INTO public.regions VALUES ('360828', '万安县', 3, '360800');
INSERT INTO public.regions VALUES ('360829', '安福县', 3, '360800');
INSERT INTO public.regions VALUES ('360830', '永新县', 3, '360800');
INSERT INTO public.regions VALUES ('360881', '井冈山市', 3, '360800');
INSERT INTO public.regions VALUES ('360902', '袁州区', 3, '360900');
INSERT INTO public.regions VALUES ('360921', '奉新县', 3, '360900');
INSERT INTO public.regions VALUES ('360922', '万载县', 3, '360900');
INSERT INTO public.regions VALUES ('360923', '上高县', 3, '360900');
INSERT INTO public.regions VALUES ('360924', '宜丰县', 3, '360900');
INSERT INTO public.regions VALUES ('360925', '靖安县', 3, '360900');
INSERT INTO public.regions VALUES ('360926', '铜鼓县', 3, '360900');
INSERT INTO public.regions VALUES ('360981', '丰城市', 3, '360900');
INSERT INTO public.regions VALUES ('360982', '樟树市', 3, '360900');
INSERT INTO public.regions VALUES ('360983', '高安市', 3, '360900');
INSERT INTO public.regions VALUES ('361002', '临川区', 3, '361000');
INSERT INTO public.regions VALUES ('361003', '东乡区', 3, '361000');
INSERT INTO public.regions VALUES ('361021', '南城县', 3, '361000');
INSERT INTO public.regions VALUES ('361022', '黎川县', 3, '361000');
INSERT INTO public.regions VALUES ('361023', '南丰县', 3, '361000');
INSERT INTO public.regions VALUES ('361024', '崇仁县', 3, '361000');
INSERT INTO public.regions VALUES ('361025', '乐安县', 3, '361000');
INSERT INTO public.regions VALUES ('361026', '宜黄县', 3, '361000');
INSERT INTO public.regions VALUES ('361027', '金溪县', 3, '361000');
INSERT INTO public.regions VALUES ('361028', '资溪县', 3, '361000');
INSERT INTO public.regions VALUES ('361030', '广昌县', 3, '361000');
INSERT INTO public.regions VALUES ('361102', '信州区', 3, '361100');
INSERT INTO public.regions VALUES ('361103', '广丰区', 3, '361100');
INSERT INTO public.regions VALUES ('361104', '广信区', 3, '361100');
INSERT INTO public.regions VALUES ('361123', '玉山县', 3, '361100');
INSERT INTO public.regions VALUES ('361124', '铅山县', 3, '361100');
INSERT INTO public.regions VALUES ('361125', '横峰县', 3, '361100');
INSERT INTO public.regions VALUES ('361126', '弋阳县', 3, '361100');
INSERT INTO public.regions VALUES ('361127', '余干县', 3, '361100');
INSERT INTO public.regions VALUES ('361128', '鄱阳县', 3, '361100');
INSERT INTO public.regions VALUES ('361129', '万年县', 3, '361100');
INSERT INTO public.regions VALUES ('361130', '婺源县', 3, '361100');
INSERT INTO public.regions VALUES ('361181', '德兴市', 3, '361100');
INSERT INTO public.regions VALUES ('370102', '历下区', 3, '370100');
INSERT INTO public.regions VALUES ('370103', '市中区', 3, '370100');
INSERT INTO public.regions VALUES ('370104', '槐荫区', 3, '370100');
INSERT INTO public.regions VALUES ('370105', '天桥区', 3, '370100');
INSERT INTO public.regions VALUES ('370112', '历城区', 3, '370100');
INSERT INTO public.regions VALUES ('370113', '长清区', 3, '370100');
INSERT INTO public.regions VALUES ('370114', '章丘区', 3, '370100');
INSERT INTO public.regions VALUES ('370115', '济阳区', 3, '370100');
INSERT INTO public.regions VALUES ('370116', '莱芜区', 3, '370100');
INSERT INTO public.regions VALUES ('370117', '钢城区', 3, '370100');
INSERT INTO public.regions VALUES ('370124', '平阴县', 3, '370100');
INSERT INTO public.regions VALUES ('370126', '商河县', 3, '370100');
INSERT INTO public.regions VALUES ('370176', '济南高新技术产业开发区', 3, '370100');
INSERT INTO public.regions VALUES ('370202', '市南区', 3, '370200');
INSERT INTO public.regions VALUES ('370203', '市北区', 3, '370200');
INSERT INTO public.regions VALUES ('370211', '黄岛区', 3, '370200');
INSERT INTO public.regions VALUES ('370212', '崂山区', 3, '370200');
INSERT INTO public.regions VALUES ('370213', '李沧区', 3, '370200');
INSERT INTO public.regions VALUES ('370214', '城阳区', 3, '370200');
INSERT INTO public.regions VALUES ('370215', '即墨区', 3, '370200');
INSERT INTO public.regions VALUES ('370281', '胶州市', 3, '370200');
INSERT INTO public.regions VALUES ('370283', '平度市', 3, '370200');
INSERT INTO public.regions VALUES ('370285', '莱西市', 3, '370200');
INSERT INTO public.regions VALUES ('370302', '淄川区', 3, '370300');
INSERT INTO public.regions VALUES ('370303', '张店区', 3, '370300');
INSERT INTO public.regions VALUES ('370304', '博山区', 3, '370300');
INSERT INTO public.regions VALUES ('370305', '临淄区', 3, '370300');
INSERT INTO public.regions VALUES ('370306', '周村区', 3, '370300');
INSERT INTO public.regions VALUES ('370321', '桓台县', 3, '370300');
INSERT INTO public.regions VALUES ('370322', '高青县', 3, '370300');
INSERT INTO public.regions VALUES ('370323', '沂源县', 3, '370300');
INSERT INTO public.regions VALUES ('370402', '市中区', 3, '370400');
INSERT INTO public.regions VALUES ('370403', '薛城区', 3, '370400');
INSERT INTO public.regions VALUES ('370404', '峄城区', 3, '370400');
INSERT INTO public.regions VALUES ('370405', '台儿庄区', 3, '370400');
INSERT INTO public.regions VALUES ('370406', '山亭区', 3, '370400');
INSERT INTO public.regions VALUES ('370481', '滕州市', 3, '370400');
INSERT INTO public.regions VALUES ('370502', '东营区', 3, '370500');
INSERT INTO public.regions VALUES ('370503', '河口区', 3, '370500');
INSERT INTO public.regions VALUES ('370505', '垦利区', 3, '370500');
INSERT INTO public.regions VALUES ('370522', '利津县', 3, '370500');
INSERT INTO public.regions VALUES ('370523', '广饶县', 3, '370500');
INSERT INTO public.regions VALUES ('370571', '东营经济技术开发区', 3, '370500');
INSERT INTO public.regions VALUES ('370572', '东营港经济开发区', 3, '370500');
INSERT INTO public.regions VALUES ('370602', '芝罘区', 3, '370600');
INSERT INTO public.regions VALUES ('370611', '福山区', 3, '370600');
INSERT INTO public.regions VALUES ('370612', '牟平区', 3, '370600');
INSERT INTO public.regions VALUES ('370613', '莱山区', 3, '370600');
INSERT INTO public.regions VALUES ('370614', '蓬莱区', 3, '370600');
INSERT INTO public.regions VALUES ('370671', '烟台高新技术产业开发区', 3, '370600');
INSERT INTO public.regions VALUES ('370676', '烟台经济技术开发区', 3, '370600');
INSERT INTO public.regions VALUES ('370681', '龙口市', 3, '370600');
INSERT INTO public.regions VALUES ('370682', '莱阳市', 3, '370600');
INSERT INTO public.regions VALUES ('370683', '莱州市', 3, '370600');
INSERT INTO public.regions VALUES ('370685', '招远市', 3, '370600');
INSERT INTO public.regions VALUES ('370686', '栖霞市', 3, '370600');
INSERT INTO public.regions VALUES ('370687', '海阳市', 3, '370600');
INSERT INTO public.regions VALUES ('370702', '潍城区', 3, '370700');
INSERT INTO public.regions VALUES ('370703', '寒亭区', 3, '370700');
INSERT INTO public.regions VALUES ('370704', '坊子区', 3, '370700');
INSERT INTO public.regions VALUES ('370705', '奎文区', 3, '370700');
INSERT INTO public.regions VALUES ('370724', '临朐县', 3, '370700');
INSERT INTO public.regions VALUES ('370725', '昌乐县', 3, '370700');
INSERT INTO public.regions VALUES ('370772', '潍坊滨海经济技术开发区', 3, '370700');
INSERT INTO public.regions VALUES ('370781', '青州市', 3, '370700');
INSERT INTO public.regions VALUES ('370782', '诸城市', 3, '370700');
INSERT INTO public.regions VALUES ('370783', '寿光市', 3, '370700');
INSERT INTO public.regions VALUES ('370784', '安丘市', 3, '370700');
INSERT INTO public.regions VALUES ('370785', '高密市', 3, '370700');
INSERT INTO public.regions VALUES ('370786', '昌邑市', 3, '370700');
INSERT INTO public.regions VALUES ('370811', '任城区', 3, '370800');
INSERT INTO public.regions VALUES ('370812', '兖州区', 3, '370800');
INSERT INTO public.regions VALUES ('370826', '微山县', 3, '370800');
INSERT INTO public.regions VALUES ('370827', '鱼台县', 3, '370800');
INSERT INTO public.regions VALUES ('370828', '金乡县', 3, '370800');
INSERT INTO public.regions VALUES ('370829', '嘉祥县', 3, '370800');
INSERT INTO public.regions VALUES ('370830', '汶上县', 3, '370800');
INSERT INTO public.regions VALUES ('370831', '泗水县', 3, '370800');
INSERT INTO public.regions VALUES ('370832', '梁山县', 3, '370800');
INSERT INTO public.regions VALUES ('370871', '济宁高新技术产业开发区', 3, '370800');
INSERT INTO public.regions VALUES ('370881', '曲阜市', 3, '370800');
INSERT INTO public.regions VALUES ('370883', '邹城市', 3, '370800');
INSERT INTO public.regions VALUES ('370902', '泰山区', 3, '370900');
INSERT INTO public.regions VALUES ('370911', '岱岳区', 3, '370900');
INSERT INTO public.regions VALUES ('370921', '宁阳县', 3, '370900');
INSERT INTO public.regions VALUES ('370923', '东平县', 3, '370900');
INSERT INTO public.regions VALUES ('370982', '新泰市', 3, '370900');
INSERT INTO public.regions VALUES ('370983', '肥城市', 3, '370900');
INSERT INTO public.regions VALUES ('371002', '环翠区', 3, '371000');
INSERT INTO public.regions VALUES ('371003', '文登区', 3, '371000');
INSERT INTO public.regions VALUES ('371071', '威海火炬高技术产业开发区', 3, '371000');
INSERT INTO public.regions VALUES ('371072', '威海经济技术开发区', 3, '371000');
INSERT INTO public.regions VALUES ('371073', '威海临港经济技术开发区', 3, '371000');
INSERT INTO public.regions VALUES ('371082', '荣成市', 3, '371000');
INSERT INTO public.regions VALUES ('371083', '乳山市', 3, '371000');
INSERT INTO public.regions VALUES ('371102', '东港区', 3, '371100');
INSERT INTO public.regions VALUES ('371103', '岚山区', 3, '371100');
INSERT INTO public.regions VALUES ('371121', '五莲县', 3, '371100');
INSERT INTO public.regions VALUES ('371122', '莒县', 3, '371100');
INSERT INTO public.regions VALUES ('371171', '日照经济技术开发区', 3, '371100');
INSERT INTO public.regions VALUES ('371302', '兰山区', 3, '371300');
INSERT INTO public.regions VALUES ('371311', '罗庄区', 3, '371300');
INSERT INTO public.regions VALUES ('371312', '河东区', 3, '371300');
INSERT INTO public.regions VALUES ('371321', '沂南县', 3, '371300');
INSERT INTO public.regions VALUES ('371322', '郯城县', 3, '371300');
INSERT INTO public.regions VALUES ('371323', '沂水县', 3, '371300');
INSERT INTO public.regions VALUES ('371324', '兰陵县', 3, '371300');
INSERT INTO public.regions VALUES ('371325', '费县', 3, '371300');
INSERT INTO public.regions VALUES ('371326', '平邑县', 3, '371300');
INSERT INTO public.regions VALUES ('371327', '莒南县', 3, '371300');
INSERT INTO public.regions VALUES ('371328', '蒙阴县', 3, '371300');
INSERT INTO public.regions VALUES ('371329', '临沭县', 3, '371300');
INSERT INTO public.regions VALUES ('371371', '临沂高新技术产业开发区', 3, '371300');
INSERT INTO public.regions VALUES ('371402', '德城区', 3, '371400');
INSERT INTO public.regions VALUES ('371403', '陵城区', 3, '371400');
INSERT INTO public.regions VALUES ('371422', '宁津县', 3, '371400');
INSERT INTO public.regions VALUES ('371423', '庆云县', 3, '371400');
INSERT INTO public.regions VALUES ('371424', '临邑县', 3, '371400');
INSERT INTO public.regions VALUES ('371425', '齐河县', 3, '371400');
INSERT INTO public.regions VALUES ('371426', '平原县', 3, '371400');
INSERT INTO public.regions VALUES ('371427', '夏津县', 3, '371400');
INSERT INTO public.regions VALUES ('371428', '武城县', 3, '371400');
INSERT INTO public.regions VALUES ('371471', '德州天衢新区', 3, '371400');
INSERT INTO public.regions VALUES ('371481', '乐陵市', 3, '371400');
INSERT INTO public.regions VALUES ('371482', '禹城市', 3, '371400');
INSERT INTO public.regions VALUES ('371502', '东昌府区', 3, '371500');
INSERT INTO public.regions VALUES ('371503', '茌平区', 3, '371500');
INSERT INTO public.regions VALUES ('371521', '阳谷县', 3, '371500');
INSERT INTO public.regions VALUES ('371522', '莘县', 3, '371500');
INSERT INTO public.regions VALUES ('371524', '东阿县', 3, '371500');
INSERT INTO public.regions VALUES ('371525', '冠县', 3, '371500');
INSERT INTO public.regions VALUES ('371526', '高唐县', 3, '371500');
INSERT INTO public.regions VALUES ('371581', '临清市', 3, '371500');
INSERT INTO public.regions VALUES ('371602', '滨城区', 3, '371600');
INSERT INTO public.regions VALUES ('371603', '沾化区', 3, '371600');
INSERT INTO public.regions VALUES ('371621', '惠民县', 3, '371600');
INSERT INTO public.regions VALUES ('371622', '阳信县', 3, '371600');
INSERT INTO public.regions VALUES ('371623', '无棣县', 3, '371600');
INSERT INTO public.regions VALUES ('371625', '博兴县', 3, '371600');
INSERT INTO public.regions VALUES ('371681', '邹平市', 3, '371600');
INSERT INTO public.regions VALUES ('371702', '牡丹区', 3, '371700');
INSERT INTO public.regions VALUES ('371703', '定陶区', 3, '371700');
INSERT INTO public.regions VALUES ('371721', '曹县', 3, '371700');
INSERT INTO public.regions VALUES ('371722', '单县', 3, '371700');
INSERT INTO public.regions VALUES ('371723', '成武县', 3, '371700');
INSERT INTO public.regions VALUES ('371724', '巨野县', 3, '371700');
INSERT INTO public.regions VALUES ('371725', '郓城县', 3, '371700');
INSERT INTO public.regions VALUES ('371726', '鄄城县', 3, '371700');
INSERT INTO public.regions VALUES ('371728', '东明县', 3, '371700');
INSERT INTO public.regions VALUES ('371771', '菏泽经济技术开发区', 3, '371700');
INSERT INTO public.regions VALUES ('371772', '菏泽高新技术开发区', 3, '371700');
INSERT INTO public.regions VALUES ('410102', '中原区', 3, '410100');
INSERT INTO public.regions VALUES ('410103', '二七区', 3, '410100');
INSERT INTO public.regions VALUES ('410104', '管城回族区', 3, '410100');
INSERT INTO public.regions VALUES ('410105', '金水区', 3, '410100');
INSERT INTO public.regions VALUES ('410106', '上街区', 3, '410100');
INSERT INTO public.regions VALUES ('410108', '惠济区', 3, '410100');
INSERT INTO public.regions VALUES ('410122', '中牟县', 3, '410100');
INSERT INTO public.regions VALUES ('410171', '郑州经济技术开发区', 3, '410100');
INSERT INTO public.regions VALUES ('410172', '郑州高新技术产业开发区', 3, '410100');
INSERT INTO public.regions VALUES ('410173', '郑州航空港经济综合实验区', 3, '410100');
INSERT INTO public.regions VALUES ('410181', '巩义市', 3, '410100');
INSERT INTO public.regions VALUES ('410182', '荥阳市', 3, '410100');
INSERT INTO public.regions VALUES ('410183', '新密市', 3, '410100');
INSERT INTO public.regions VALUES ('410184', '新郑市', 3, '410100');
INSERT INTO public.regions VALUES ('410185', '登封市', 3, '410100');
INSERT INTO public.regions VALUES ('410202', '龙亭区', 3, '410200');
INSERT INTO public.regions VALUES ('410203', '顺河回族区', 3, '410200');
INSERT INTO public.regions VALUES ('410204', '鼓楼区', 3, '410200');
INSERT INTO public.regions VALUES ('410205', '禹王台区', 3, '410200');
INSERT INTO public.regions VALUES ('410212', '祥符区', 3, '410200');
INSERT INTO public.regions VALUES ('410221', '杞县', 3, '410200');
INSERT INTO public.regions VALUES ('410222', '通许县', 3, '410200');
INSERT INTO public.regions VALUES ('410223', '尉氏县', 3, '410200');
INSERT INTO public.regions VALUES ('410225', '兰考县', 3, '410200');
INSERT INTO public.regions VALUES ('410302', '老城区', 3, '410300');
INSERT INTO public.regions VALUES ('410303', '西工区', 3, '410300');
INSERT INTO public.regions VALUES ('410304', '瀍河回族区', 3, '410300');
INSERT INTO public.regions VALUES ('410305', '涧西区', 3, '410300');
INSERT INTO public.regions VALUES ('410307', '偃师区', 3, '410300');
INSERT INTO public.regions VALUES ('410308', '孟津区', 3, '410300');
INSERT INTO public.regions VALUES ('410311', '洛龙区', 3, '410300');
INSERT INTO public.regions VALUES ('410323', '新安县', 3, '410300');
INSERT INTO public.regions VALUES ('410324', '栾川县', 3, '410300');
INSERT INTO public.regions VALUES ('410325', '嵩县', 3, '410300');
INSERT INTO public.regions VALUES ('410326', '汝阳县', 3, '410300');
INSERT INTO public.regions VALUES ('410327', '宜阳县', 3, '410300');
INSERT INTO public.regions VALUES ('410328', '洛宁县', 3, '410300');
INSERT INTO public.regions VALUES ('410329', '伊川县', 3, '410300');
INSERT INTO public.regions VALUES ('410371', '洛阳高新技术产业开发区', 3, '410300');
INSERT INTO public.regions VALUES ('410402', '新华区', 3, '410400');
INSERT INTO public.regions VALUES ('410403', '卫东区', 3, '410400');
INSERT INTO public.regions VALUES ('410404', '石龙区', 3, '410400');
INSERT INTO public.regions VALUES ('410411', '湛河区', 3, '410400');
INSERT INTO public.regions VALUES ('410421', '宝丰县', 3, '410400');
INSERT INTO public.regions VALUES ('410422', '叶县', 3, '410400');
INSERT INTO public.regions VALUES ('410423', '鲁山县', 3, '410400');
INSERT INTO public.regions VALUES ('410425', '郏县', 3, '410400');
INSERT INTO public.regions VALUES ('410471', '平顶山高新技术产业开发区', 3, '410400');
INSERT INTO public.regions VALUES ('410472', '平顶山市城乡一体化示范区', 3, '410400');
INSERT INTO public.regions VALUES ('410481', '舞钢市', 3, '410400');
INSERT INTO public.regions VALUES ('410482', '汝州市', 3, '410400');
INSERT INTO public.regions VALUES ('410502', '文峰区', 3, '410500');
INSERT INTO public.regions VALUES ('410503', '北关区', 3, '410500');
INSERT INTO public.regions VALUES ('410505', '殷都区', 3, '410500');
INSERT INTO public.regions VALUES ('410506', '龙安区', 3, '410500');
INSERT INTO public.regions VALUES ('410522', '安阳县', 3, '410500');
INSERT INTO public.regions VALUES ('410523', '汤阴县', 3, '410500');
INSERT INTO public.regions VALUES ('410526', '滑县', 3, '410500');
INSERT INTO public.regions VALUES ('410527', '内黄县', 3, '410500');
INSERT INTO public.regions VALUES ('410571', '安阳高新技术产业开发区', 3, '410500');
INSERT INTO public.regions VALUES ('410581', '林州市', 3, '410500');
INSERT INTO public.regions VALUES ('410602', '鹤山区', 3, '410600');
INSERT INTO public.regions VALUES ('410603', '山城区', 3, '410600');
INSERT INTO public.regions VALUES ('410611', '淇滨区', 3, '410600');
INSERT INTO public.regions VALUES ('410621', '浚县', 3, '410600');
INSERT INTO public.regions VALUES ('410622', '淇县', 3, '410600');
INSERT INTO public.regions VALUES ('410671', '鹤壁经济技术开发区', 3, '410600');
INSERT INTO public.regions VALUES ('410702', '红旗区', 3, '410700');
INSERT INTO public.regions VALUES ('410703', '卫滨区', 3, '410700');
INSERT INTO public.regions VALUES ('410704', '凤泉区', 3, '410700');
INSERT INTO public.regions VALUES ('410711', '牧野区', 3, '410700');
INSERT INTO public.regions VALUES ('410721', '新乡县', 3, '410700');
INSERT INTO public.regions VALUES ('410724', '获嘉县', 3, '410700');
INSERT INTO public.regions VALUES ('410725', '原阳县', 3, '410700');
INSERT INTO public.regions VALUES ('410726', '延津县', 3, '410700');
INSERT INTO public.regions VALUES ('410727', '封丘县', 3, '410700');
INSERT INTO public.regions VALUES ('410771', '新乡高新技术产业开发区', 3, '410700');
INSERT INTO public.regions VALUES ('410772', '新乡经济技术开发区', 3, '410700');
INSERT INTO public.regions VALUES ('410773', '新乡市平原城乡一体化示范区', 3, '410700');
INSERT INTO public.regions VALUES ('410781', '卫辉市', 3, '410700');
INSERT INTO public.regions VALUES ('410782', '辉县市', 3, '410700');
INSERT INTO public.regions VALUES ('410783', '长垣市', 3, '410700');
INSERT INTO public.regions VALUES ('410802', '解放区', 3, '410800');
INSERT INTO public.regions VALUES ('410803', '中站区', 3, '410800');
INSERT INTO public.regions VALUES ('410804', '马村区', 3, '410800');
INSERT INTO public.regions VALUES ('410811', '山阳区', 3, '410800');
INSERT INTO public.regions VALUES ('410821', '修武县', 3, '410800');
INSERT INTO public.regions VALUES ('410822', '博爱县', 3, '410800');
INSERT INTO public.regions VALUES ('410823', '武陟县', 3, '410800');
INSERT INTO public.regions VALUES ('410825', '温县', 3, '410800');
INSERT INTO public.regions VALUES ('410871', '焦作城乡一体化示范区', 3, '410800');
INSERT INTO public.regions VALUES ('410882', '沁阳市', 3, '410800');
INSERT INTO public.regions VALUES ('410883', '孟州市', 3, '410800');
INSERT INTO public.regions VALUES ('410902', '华龙区', 3, '410900');
INSERT INTO public.regions VALUES ('410922', '清丰县', 3, '410900');
INSERT INTO public.regions VALUES ('410923', '南乐县', 3, '410900');
INSERT INTO public.regions VALUES ('410926', '范县', 3, '410900');
INSERT INTO public.regions VALUES ('410927', '台前县', 3, '410900');
INSERT INTO public.regions VALUES ('410928', '濮阳县', 3, '410900');
INSERT INTO public.regions VALUES ('410971', '河南濮阳工业园区', 3, '410900');
INSERT INTO public.regions VALUES ('410972', '濮阳经济技术开发区', 3, '410900');
INSERT INTO public.regions VALUES ('411002', '魏都区', 3, '411000');
INSERT INTO public.regions VALUES ('411003', '建安区', 3, '411000');
INSERT INTO public.regions VALUES ('411024', '鄢陵县', 3, '411000');
INSERT INTO public.regions VALUES ('411025', '襄城县', 3, '411000');
INSERT INTO public.regions VALUES ('411071', '许昌经济技术开发区', 3, '411000');
INSERT INTO public.regions VALUES ('411081', '禹州市', 3, '411000');
INSERT INTO public.regions VALUES ('411082', '长葛市', 3, '411000');
INSERT INTO public.regions VALUES ('411102', '源汇区', 3, '411100');
INSERT INTO public.regions VALUES ('411103', '郾城区', 3, '411100');
INSERT INTO public.regions VALUES ('411104', '召陵区', 3, '411100');
INSERT INTO public.regions VALUES ('411121', '舞阳县', 3, '411100');
INSERT INTO public.regions VALUES ('411122', '临颍县', 3, '411100');
INSERT INTO public.regions VALUES ('411171', '漯河经济技术开发区', 3, '411100');
INSERT INTO public.regions VALUES ('411202', '湖滨区', 3, '411200');
INSERT INTO public.regions VALUES ('411203', '陕州区', 3, '411200');
INSERT INTO public.regions VALUES ('411221', '渑池县', 3, '411200');
INSERT INTO public.regions VALUES ('411224', '卢氏县', 3, '411200');
INSERT INTO public.regions VALUES ('411271', '河南三门峡经济开发区', 3, '411200');
INSERT INTO public.regions VALUES ('411281', '义马市', 3, '411200');
INSERT INTO public.regions VALUES ('411282', '灵宝市', 3, '411200');
INSERT INTO public.regions VALUES ('411302', '宛城区', 3, '411300');
INSERT INTO public.regions VALUES ('411303', '卧龙区', 3, '411300');
INSERT INTO public.regions VALUES ('411321', '南召县', 3, '411300');
INSERT INTO public.regions VALUES ('411322', '方城县', 3, '411300');
INSERT INTO public.regions VALUES ('411323', '西峡县', 3, '411300');
INSERT INTO public.regions VALUES ('411324', '镇平县', 3, '411300');
INSERT INTO public.regions VALUES ('411325', '内乡县', 3, '411300');
INSERT INTO public.regions VALUES ('411326', '淅川县', 3, '411300');
INSERT INTO public.regions VALUES ('411327', '社旗县', 3, '411300');
INSERT INTO public.regions VALUES ('411328', '唐河县', 3, '411300');
INSERT INTO public.regions VALUES ('411329', '新野县', 3, '411300');
INSERT INTO public.regions VALUES ('411330', '桐柏县', 3, '411300');
INSERT INTO public.regions VALUES ('411371', '南阳高新技术产业开发区', 3, '411300');
INSERT INTO public.regions VALUES ('411372', '南阳市城乡一体化示范区', 3, '411300');
INSERT INTO public.regions VALUES ('411381', '邓州市', 3, '411300');
INSERT INTO public.regions VALUES ('411402', '梁园区', 3, '411400');
INSERT INTO public.regions VALUES ('411403', '睢阳区', 3, '411400');
INSERT INTO public.regions VALUES ('411421', '民权县', 3, '411400');
INSERT INTO public.regions VALUES ('411422', '睢县', 3, '411400');
INSERT INTO public.regions VALUES ('411423', '宁陵县', 3, '411400');
INSERT INTO public.regions VALUES ('411424', '柘城县', 3, '411400');
INSERT INTO public.regions VALUES ('411425', '虞城县', 3, '411400');
INSERT INTO public.regions VALUES ('411426', '夏邑县', 3, '411400');
INSERT INTO public.regions VALUES ('411471', '豫东综合物流产业聚集区', 3, '411400');
INSERT INTO public.regions VALUES ('411472', '河南商丘经济开发区', 3, '411400');
INSERT INTO public.regions VALUES ('411481', '永城市', 3, '411400');
INSERT INTO public.regions VALUES ('411502', '浉河区', 3, '411500');
INSERT INTO public.regions VALUES ('411503', '平桥区', 3, '411500');
INSERT INTO public.regions VALUES ('411521', '罗山县', 3, '411500');
INSERT INTO public.regions VALUES ('411522', '光山县', 3, '411500');
INSERT INTO public.regions VALUES ('411523', '新县', 3, '411500');
INSERT INTO public.regions VALUES ('411524', '商城县', 3, '411500');
INSERT INTO public.regions VALUES ('411525', '固始县', 3, '411500');
INSERT INTO public.regions VALUES ('411526', '潢川县', 3, '411500');
INSERT INTO public.regions VALUES ('411527', '淮滨县', 3, '411500');
INSERT INTO public.regions VALUES ('411528', '息县', 3, '411500');
INSERT INTO public.regions VALUES ('411571', '信阳高新技术产业开发区', 3, '411500');
INSERT INTO public.regions VALUES ('411602', '川汇区', 3, '411600');
INSERT INTO public.regions VALUES ('411603', '淮阳区', 3, '411600');
INSERT INTO public.regions VALUES ('411621', '扶沟县', 3, '411600');
INSERT INTO public.regions VALUES ('411622', '西华县', 3, '411600');
INSERT INTO public.regions VALUES ('411623', '商水县', 3, '411600');
INSERT INTO public.regions VALUES ('411624', '沈丘县', 3, '411600');
INSERT INTO public.regions VALUES ('411625', '郸城县', 3, '411600');
INSERT INTO public.regions VALUES ('411627', '太康县', 3, '411600');
INSERT INTO public.regions VALUES ('411628', '鹿邑县', 3, '411600');
INSERT INTO public.regions VALUES ('411671', '周口临港开发区', 3, '411600');
INSERT INTO public.regions VALUES ('411681', '项城市', 3, '411600');
INSERT INTO public.regions VALUES ('411702', '驿城区', 3, '411700');
INSERT INTO public.regions VALUES ('411721', '西平县', 3, '411700');
INSERT INTO public.regions VALUES ('411722', '上蔡县', 3, '411700');
INSERT INTO public.regions VALUES ('411723', '平舆县', 3, '411700');
INSERT INTO public.regions VALUES ('411724', '正阳县', 3, '411700');
INSERT INTO public.regions VALUES ('411725', '确山县', 3, '411700');
INSERT INTO public.regions VALUES ('411726', '泌阳县', 3, '411700');
INSERT INTO public.regions VALUES ('411727', '汝南县', 3, '411700');
INSERT INTO public.regions VALUES ('411728', '遂平县', 3, '411700');
INSERT INTO public.regions VALUES ('411729', '新蔡县', 3, '411700');
INSERT INTO public.regions VALUES ('411771', '河南驻马店经济开发区', 3, '411700');
INSERT INTO public.regions VALUES ('419001', '济源市', 3, '419000');
INSERT INTO public.regions VALUES ('420102', '江岸区', 3, '420100');
INSERT INTO public.regions VALUES ('420103', '江汉区', 3, '420100');
INSERT INTO public.regions VALUES ('420104', '硚口区', 3, '420100');
INSERT INTO public.regions VALUES ('420105', '汉阳区', 3, '420100');
INSERT INTO public.regions VALUES ('420106', '武昌区', 3, '420100');
INSERT INTO public.regions VALUES ('420107', '青山区', 3, '420100');
INSERT INTO public.regions VALUES ('420111', '洪山区', 3, '420100');
INSERT INTO public.regions VALUES ('420112', '东西湖区', 3, '420100');
INSERT INTO public.regions VALUES ('420113', '汉南区', 3, '420100');
INSERT INTO public.regions VALUES ('420114', '蔡甸区', 3, '420100');
INSERT INTO public.regions VALUES ('420115', '江夏区', 3, '420100');
INSERT INTO public.regions VALUES ('420116', '黄陂区', 3, '420100');
INSERT INTO public.regions VALUES ('420117', '新洲区', 3, '420100');
INSERT INTO public.regions VALUES ('420202', '黄石港区', 3, '420200');
INSERT INTO public.regions VALUES ('420203', '西塞山区', 3, '420200');
INSERT INTO public.regions VALUES ('420204', '下陆区', 3, '420200');
INSERT INTO public.regions VALUES ('420205', '铁山区', 3, '420200');
INSERT INTO public.regions VALUES ('420222', '阳新县', 3, '420200');
INSERT INTO public.regions VALUES ('420281', '大冶市', 3, '420200');
INSERT INTO public.regions VALUES ('420302', '茅箭区', 3, '420300');
INSERT INTO public.regions VALUES ('420303', '张湾区', 3, '420300');
INSERT INTO public.regions VALUES ('420304', '郧阳区', 3, '420300');
INSERT INTO public.regions VALUES ('420322', '郧西县', 3, '420300');
INSERT INTO public.regions VALUES ('420323', '竹山县', 3, '420300');
INSERT INTO public.regions VALUES ('420324', '竹溪县', 3, '420300');
INSERT INTO public.regions VALUES ('420325', '房县', 3, '420300');
INSERT INTO public.regions VALUES ('420381', '丹江口市', 3, '420300');
INSERT INTO public.regions VALUES ('420502', '西陵区', 3, '420500');
INSERT INTO public.regions VALUES ('420503', '伍家岗区', 3, '420500');
INSERT INTO public.regions VALUES ('420504', '点军区', 3, '420500');
INSERT INTO public.regions VALUES ('420505', '猇亭区', 3, '420500');
INSERT INTO public.regions VALUES ('420506', '夷陵区', 3, '420500');
INSERT INTO public.regions VALUES ('420525', '远安县', 3, '420500');
INSERT INTO public.regions VALUES ('420526', '兴山县', 3, '420500');
INSERT INTO public.regions VALUES ('420527', '秭归县', 3, '420500');
INSERT INTO public.regions VALUES ('420528', '长阳土家族自治县', 3, '420500');
INSERT INTO public.regions VALUES ('420529', '五峰土家族自治县', 3, '420500');
INSERT INTO public.regions VALUES ('420581', '宜都市', 3, '420500');
INSERT INTO public.regions VALUES ('420582', '当阳市', 3, '420500');
INSERT INTO public.regions VALUES ('420583', '枝江市', 3, '420500');
INSERT INTO public.regions VALUES ('420602', '襄城区', 3, '420600');
INSERT INTO public.regions VALUES ('420606', '樊城区', 3, '420600');
INSERT INTO public.regions VALUES ('420607', '襄州区', 3, '420600');
INSERT INTO public.regions VALUES ('420624', '南漳县', 3, '420600');
INSERT INTO public.regions VALUES ('420625', '谷城县', 3, '420600');
INSERT INTO public.regions VALUES ('420626', '保康县', 3, '420600');
INSERT INTO public.regions VALUES ('420682', '老河口市', 3, '420600');
INSERT INTO public.regions VALUES ('420683', '枣阳市', 3, '420600');
INSERT INTO public.regions VALUES ('420684', '宜城市', 3, '420600');
INSERT INTO public.regions VALUES ('420702', '梁子湖区', 3, '420700');
INSERT INTO public.regions VALUES ('420703', '华容区', 3, '420700');
INSERT INTO public.regions VALUES ('420704', '鄂城区', 3, '420700');
INSERT INTO public.regions VALUES ('420802', '东宝区', 3, '420800');
INSERT INTO public.regions VALUES ('420804', '掇刀区', 3, '420800');
INSERT INTO public.regions VALUES ('420822', '沙洋县', 3, '420800');
INSERT INTO public.regions VALUES ('420881', '钟祥市', 3, '420800');
INSERT INTO public.regions VALUES ('420882', '京山市', 3, '420800');
INSERT INTO public.regions VALUES ('420902', '孝南区', 3, '420900');
INSERT INTO public.regions VALUES ('420921', '孝昌县', 3, '420900');
INSERT INTO public.regions VALUES ('420922', '大悟县', 3, '420900');
INSERT INTO public.regions VALUES ('420923', '云梦县', 3, '420900');
INSERT INTO public.regions VALUES ('420981', '应城市', 3, '420900');
INSERT INTO public.regions VALUES ('420982', '安陆市', 3, '420900');
INSERT INTO public.regions VALUES ('420984', '汉川市', 3, '420900');
INSERT INTO public.regions VALUES ('421002', '沙市区', 3, '421000');
INSERT INTO public.regions VALUES ('421003', '荆州区', 3, '421000');
INSERT INTO public.regions VALUES ('421022', '公安县', 3, '421000');
INSERT INTO public.regions VALUES ('421024', '江陵县', 3, '421000');
INSERT INTO public.regions VALUES ('421071', '荆州经济技术开发区', 3, '421000');
INSERT INTO public.regions VALUES ('421081', '石首市', 3, '421000');
INSERT INTO public.regions VALUES ('421083', '洪湖市', 3, '421000');
INSERT INTO public.regions VALUES ('421087', '松滋市', 3, '421000');
INSERT INTO public.regions VALUES ('421088', '监利市', 3, '421000');
INSERT INTO public.regions VALUES ('421102', '黄州区', 3, '421100');
INSERT INTO public.regions VALUES ('421121', '团风县', 3, '421100');
INSERT INTO public.regions VALUES ('421122', '红安县', 3, '421100');
INSERT INTO public.regions VALUES ('421123', '罗田县', 3, '421100');
INSERT INTO public.regions VALUES ('421124', '英山县', 3, '421100');
INSERT INTO public.regions VALUES ('421125', '浠水县', 3, '421100');
INSERT INTO public.regions VALUES ('421126', '蕲春县', 3, '421100');
INSERT INTO public.regions VALUES ('421127', '黄梅县', 3, '421100');
INSERT INTO public.regions VALUES ('421171', '龙感湖管理区', 3, '421100');
INSERT INTO public.regions VALUES ('421181', '麻城市', 3, '421100');
INSERT INTO public.regions VALUES ('421182', '武穴市', 3, '421100');
INSERT INTO public.regions VALUES ('421202', '咸安区', 3, '421200');
INSERT INTO public.regions VALUES ('421221', '嘉鱼县', 3, '421200');
INSERT INTO public.regions VALUES ('421222', '通城县', 3, '421200');
INSERT INTO public.regions VALUES ('421223', '崇阳县', 3, '421200');
INSERT INTO public.regions VALUES ('421224', '通山县', 3, '421200');
INSERT INTO public.regions VALUES ('421281', '赤壁市', 3, '421200');
INSERT INTO public.regions VALUES ('421303', '曾都区', 3, '421300');
INSERT INTO public.regions VALUES ('421321', '随县', 3, '421300');
INSERT INTO public.regions VALUES ('421381', '广水市', 3, '421300');
INSERT INTO public.regions VALUES ('422801', '恩施市', 3, '422800');
INSERT INTO public.regions VALUES ('422802', '利川市', 3, '422800');
INSERT INTO public.regions VALUES ('422822', '建始县', 3, '422800');
INSERT INTO public.regions VALUES ('422823', '巴东县', 3, '422800');
INSERT INTO public.regions VALUES ('422825', '宣恩县', 3, '422800');
INSERT INTO public.regions VALUES ('422826', '咸丰县', 3, '422800');
INSERT INTO public.regions VALUES ('422827', '来凤县', 3, '422800');
INSERT INTO public.regions VALUES ('422828', '鹤峰县', 3, '422800');
INSERT INTO public.regions VALUES ('429004', '仙桃市', 3, '429000');
INSERT INTO public.regions VALUES ('429005', '潜江市', 3, '429000');
INSERT INTO public.regions VALUES ('429006', '天门市', 3, '429000');
INSERT INTO public.regions VALUES ('429021', '神农架林区', 3, '429000');
INSERT INTO public.regions VALUES ('430102', '芙蓉区', 3, '430100');
INSERT INTO public.regions VALUES ('430103', '天心区', 3, '430100');
INSERT INTO public.regions VALUES ('430104', '岳麓区', 3, '430100');
INSERT INTO public.regions VALUES ('430105', '开福区', 3, '430100');
INSERT INTO public.regions VALUES ('430111', '雨花区', 3, '430100');
INSERT INTO public.regions VALUES ('430112', '望城区', 3, '430100');
INSERT INTO public.regions VALUES ('430121', '长沙县', 3, '430100');
INSERT INTO public.regions VALUES ('430181', '浏阳市', 3, '430100');
INSERT INTO public.regions VALUES ('430182', '宁乡市', 3, '430100');
INSERT INTO public.regions VALUES ('430202', '荷塘区', 3, '430200');
INSERT INTO public.regions VALUES ('430203', '芦淞区', 3, '430200');
INSERT INTO public.regions VALUES ('430204', '石峰区', 3, '430200');
INSERT INTO public.regions VALUES ('430211', '天元区', 3, '430200');
INSERT INTO public.regions VALUES ('430212', '渌口区', 3, '430200');
INSERT INTO public.regions VALUES ('430223', '攸县', 3, '430200');
INSERT INTO public.regions VALUES ('430224', '茶陵县', 3, '430200');
INSERT INTO public.regions VALUES ('430225', '炎陵县', 3, '430200');
INSERT INTO public.regions VALUES ('430281', '醴陵市', 3, '430200');
INSERT INTO public.regions VALUES ('430302', '雨湖区', 3, '430300');
INSERT INTO public.regions VALUES ('430304', '岳塘区', 3, '430300');
INSERT INTO public.regions VALUES ('430321', '湘潭县', 3, '430300');
INSERT INTO public.regions VALUES ('430371', '湖南湘潭高新技术产业园区', 3, '430300');
INSERT INTO public.regions VALUES ('430372', '湘潭昭山示范区', 3, '430300');
INSERT INTO public.regions VALUES ('430373', '湘潭九华示范区', 3, '430300');
INSERT INTO public.regions VALUES ('430381', '湘乡市', 3, '430300');
INSERT INTO public.regions VALUES ('430382', '韶山市', 3, '430300');
INSERT INTO public.regions VALUES ('430405', '珠晖区', 3, '430400');
INSERT INTO public.regions VALUES ('430406', '雁峰区', 3, '430400');
INSERT INTO public.regions VALUES ('430407', '石鼓区', 3, '430400');
INSERT INTO public.regions VALUES ('430408', '蒸湘区', 3, '430400');
INSERT INTO public.regions VALUES ('430412', '南岳区', 3, '430400');
INSERT INTO public.regions VALUES ('430421', '衡阳县', 3, '430400');
INSERT INTO public.regions VALUES ('430422', '衡南县', 3, '430400');
INSERT INTO public.regions VALUES ('430423', '衡山县', 3, '430400');
INSERT INTO public.regions VALUES ('430424', '衡东县', 3, '430400');
INSERT INTO public.regions VALUES ('430426', '祁东县', 3, '430400');
INSERT INTO public.regions VALUES ('430473', '湖南衡阳松木经济开发区', 3, '430400');
INSERT INTO public.regions VALUES ('430476', '湖南衡阳高新技术产业园区', 3, '430400');
INSERT INTO public.regions VALUES ('430481', '耒阳市', 3, '430400');
INSERT INTO public.regions VALUES ('430482', '常宁市', 3, '430400');
INSERT INTO public.regions VALUES ('430502', '双清区', 3, '430500');
INSERT INTO public.regions VALUES ('430503', '大祥区', 3, '430500');
INSERT INTO public.regions VALUES ('430511', '北塔区', 3, '430500');
INSERT INTO public.regions VALUES ('430522', '新邵县', 3, '430500');
INSERT INTO public.regions VALUES ('430523', '邵阳县', 3, '430500');
INSERT INTO public.regions VALUES ('430524', '隆回县', 3, '430500');
INSERT INTO public.regions VALUES ('430525', '洞口县', 3, '430500');
INSERT INTO public.regions VALUES ('430527', '绥宁县', 3, '430500');
INSERT INTO public.regions VALUES ('430528', '新宁县', 3, '430500');
INSERT INTO public.regions VALUES ('430529', '城步苗族自治县', 3, '430500');
INSERT INTO public.regions VALUES ('430581', '武冈市', 3, '430500');
INSERT INTO public.regions VALUES ('430582', '邵东市', 3, '430500');
INSERT INTO public.regions VALUES ('430602', '岳阳楼区', 3, '430600');
INSERT INTO public.regions VALUES ('430603', '云溪区', 3, '430600');
INSERT INTO public.regions VALUES ('430611', '君山区', 3, '430600');
INSERT INTO public.regions VALUES ('430621', '岳阳县', 3, '430600');
INSERT INTO public.regions VALUES ('430623', '华容县', 3, '430600');
INSERT INTO public.regions VALUES ('430624', '湘阴县', 3, '430600');
INSERT INTO public.regions VALUES ('430626', '平江县', 3, '430600');
INSERT INTO public.regions VALUES ('430671', '岳阳市屈原管理区', 3, '430600');
INSERT INTO public.regions VALUES ('430681', '汨罗市', 3, '430600');
INSERT INTO public.regions VALUES ('430682', '临湘市', 3, '430600');
INSERT INTO public.regions VALUES ('430702', '武陵区', 3, '430700');
INSERT INTO public.regions VALUES ('430703', '鼎城区', 3, '430700');
INSERT INTO public.regions VALUES ('430721', '安乡县', 3, '430700');
INSERT INTO public.regions VALUES ('430722', '汉寿县', 3, '430700');
INSERT INTO public.regions VALUES ('430723', '澧县', 3, '430700');
INSERT INTO public.regions VALUES ('430724', '临澧县', 3, '430700');
INSERT INTO public.regions VALUES ('430725', '桃源县', 3, '430700');
INSERT INTO public.regions VALUES ('430726', '石门县', 3, '430700');
INSERT INTO public.regions VALUES ('430771', '常德市西洞庭管理区', 3, '430700');
INSERT INTO public.regions VALUES ('430781', '津市市', 3, '430700');
INSERT INTO public.regions VALUES ('430802', '永定区', 3, '430800');
INSERT INTO public.regions VALUES ('430811', '武陵源区', 3, '430800');
INSERT INTO public.regions VALUES ('430821', '慈利县', 3, '430800');
INSERT INTO public.regions VALUES ('430822', '桑植县', 3, '430800');
INSERT INTO public.regions VALUES ('430902', '资阳区', 3, '430900');
INSERT INTO public.regions VALUES ('430903', '赫山区', 3, '430900');
INSERT INTO public.regions VALUES ('430921', '南县', 3, '430900');
INSERT INTO public.regions VALUES ('430922', '桃江县', 3, '430900');
INSERT INTO public.regions VALUES ('430923', '安化县', 3, '430900');
INSERT INTO public.regions VALUES ('430971', '益阳市大通湖管理区', 3, '430900');
INSERT INTO public.regions VALUES ('430972', '湖南益阳高新技术产业园区', 3, '430900');
INSERT INTO public.regions VALUES ('430981', '沅江市', 3, '430900');
INSERT INTO public.regions VALUES ('431002', '北湖区', 3, '431000');
INSERT INTO public.regions VALUES ('431003', '苏仙区', 3, '431000');
INSERT INTO public.regions VALUES ('431021', '桂阳县', 3, '431000');
INSERT INTO public.regions VALUES ('431022', '宜章县', 3, '431000');
INSERT INTO public.regions VALUES ('431023', '永兴县', 3, '431000');
INSERT INTO public.regions VALUES ('431024', '嘉禾县', 3, '431000');
INSERT INTO public.regions VALUES ('431025', '临武县', 3, '431000');
INSERT INTO public.regions VALUES ('431026', '汝城县', 3, '431000');
INSERT INTO public.regions VALUES ('431027', '桂东县', 3, '431000');
INSERT INTO public.regions VALUES ('431028', '安仁县', 3, '431000');
INSERT INTO public.regions VALUES ('431081', '资兴市', 3, '431000');
INSERT INTO public.regions VALUES ('431102', '零陵区', 3, '431100');
INSERT INTO public.regions VALUES ('431103', '冷水滩区', 3, '431100');
INSERT INTO public.regions VALUES ('431122', '东安县', 3, '431100');
INSERT INTO public.regions VALUES ('431123', '双牌县', 3, '431100');
INSERT INTO public.regions VALUES ('431124', '道县', 3, '431100');
INSERT INTO public.regions VALUES ('431125', '江永县', 3, '431100');
INSERT INTO public.regions VALUES ('431126', '宁远县', 3, '431100');
INSERT INTO public.regions VALUES ('431127', '蓝山县', 3, '431100');
INSERT INTO public.regions VALUES ('431128', '新田县', 3, '431100');
INSERT INTO public.regions VALUES ('431129', '江华瑶族自治县', 3, '431100');
INSERT INTO public.regions VALUES ('431171', '永州经济技术开发区', 3, '431100');
INSERT INTO public.regions VALUES ('431173', '永州市回龙圩管理区', 3, '431100');
INSERT INTO public.regions VALUES ('431181', '祁阳市', 3, '431100');
INSERT INTO public.regions VALUES ('431202', '鹤城区', 3, '431200');
INSERT INTO public.regions VALUES ('431221', '中方县', 3, '431200');
INSERT INTO public.regions VALUES ('431222', '沅陵县', 3, '431200');
INSERT INTO public.regions VALUES ('431223', '辰溪县', 3, '431200');
INSERT INTO public.regions VALUES ('431224', '溆浦县', 3, '431200');
INSERT INTO public.regions VALUES ('431225', '会同县', 3, '431200');
INSERT INTO public.regions VALUES ('431226', '麻阳苗族自治县', 3, '431200');
INSERT INTO public.regions VALUES ('431227', '新晃侗族自治县', 3, '431200');
INSERT INTO public.regions VALUES ('431228', '芷江侗族自治县', 3, '431200');
INSERT INTO public.regions VALUES ('431229', '靖州苗族侗族自治县', 3, '431200');
INSERT INTO public.regions VALUES ('431230', '通道侗族自治县', 3, '431200');
INSERT INTO public.regions VALUES ('431271', '怀化市洪江管理区', 3, '431200');
INSERT INTO public.regions VALUES ('431281', '洪江市', 3, '431200');
INSERT INTO public.regions VALUES ('431302', '娄星区', 3, '431300');
INSERT INTO public.regions VALUES ('431321', '双峰县', 3, '431300');
INSERT INTO public.regions VALUES ('431322', '新化县', 3, '431300');
INSERT INTO public.regions VALUES ('431381', '冷水江市', 3, '431300');
INSERT INTO public.regions VALUES ('431382', '涟源市', 3, '431300');
INSERT INTO public.regions VALUES ('433101', '吉首市', 3, '433100');
INSERT INTO public.regions VALUES ('433122', '泸溪县', 3, '433100');
INSERT INTO public.regions VALUES ('433123', '凤凰县', 3, '433100');
INSERT INTO public.regions VALUES ('433124', '花垣县', 3, '433100');
INSERT INTO public.regions VALUES ('433125', '保靖县', 3, '433100');
INSERT INTO public.regions VALUES ('433126', '古丈县', 3, '433100');
INSERT INTO public.regions VALUES ('433127', '永顺县', 3, '433100');
INSERT INTO public.regions VALUES ('433130', '龙山县', 3, '433100');
INSERT INTO public.regions VALUES ('440103', '荔湾区', 3, '440100');
INSERT INTO public.regions VALUES ('440104', '越秀区', 3, '440100');
INSERT INTO public.regions VALUES ('440105', '海珠区', 3, '440100');
INSERT INTO public.regions VALUES ('440106', '天河区', 3, '440100');
INSERT INTO public.regions VALUES ('440111', '白云区', 3, '440100');
INSERT INTO public.regions VALUES ('440112', '黄埔区', 3, '440100');
INSERT INTO public.regions VALUES ('440113', '番禺区', 3, '440100');
INSERT INTO public.regions VALUES ('440114', '花都区', 3, '440100');
INSERT INTO public.regions VALUES ('440115', '南沙区', 3, '440100');
INSERT INTO public.regions VALUES ('440117', '从化区', 3, '440100');
INSERT INTO public.regions VALUES ('440118', '增城区', 3, '440100');
INSERT INTO public.regions VALUES ('440203', '武江区', 3, '440200');
INSERT INTO public.regions VALUES ('440204', '浈江区', 3, '440200');
INSERT INTO public.regions VALUES ('440205', '曲江区', 3, '440200');
INSERT INTO public.regions VALUES ('440222', '始兴县', 3, '440200');
INSERT INTO public.regions VALUES ('440224', '仁化县', 3, '440200');
INSERT INTO public.regions VALUES ('440229', '翁源县', 3, '440200');
INSERT INTO public.regions VALUES ('440232', '乳源瑶族自治县', 3, '440200');
INSERT INTO public.regions VALUES ('440233', '新丰县', 3, '440200');
INSERT INTO public.regions VALUES ('440281', '乐昌市', 3, '440200');
INSERT INTO public.regions VALUES ('440282', '南雄市', 3, '440200');
INSERT INTO public.regions VALUES ('440303', '罗湖区', 3, '440300');
INSERT INTO public.regions VALUES ('440304', '福田区', 3, '440300');
INSERT INTO public.regions VALUES ('440305', '南山区', 3, '440300');
INSERT INTO public.regions VALUES ('440306', '宝安区', 3, '440300');
INSERT INTO public.regions VALUES ('440307', '龙岗区', 3, '440300');
INSERT INTO public.regions VALUES ('440308', '盐田区', 3, '440300');
INSERT INTO public.regions VALUES ('440309', '龙华区', 3, '440300');
INSERT INTO public.regions VALUES ('440310', '坪山区', 3, '440300');
INSERT INTO public.regions VALUES ('440311', '光明区', 3, '440300');
INSERT INTO public.regions VALUES ('440402', '香洲区', 3, '440400');
INSERT INTO public.regions VALUES ('440403', '斗门区', 3, '440400');
INSERT INTO public.regions VALUES ('440404', '金湾区', 3, '440400');
INSERT INTO public.regions VALUES ('440507', '龙湖区', 3, '440500');
INSERT INTO public.regions VALUES ('440511', '金平区', 3, '440500');
INSERT INTO public.regions VALUES ('440512', '濠江区', 3, '440500');
INSERT INTO public.regions VALUES ('440513', '潮阳区', 3, '440500');
INSERT INTO public.regions VALUES ('440514', '潮南区', 3, '440500');
INSERT INTO public.regions VALUES ('440515', '澄海区', 3, '440500');
INSERT INTO public.regions VALUES ('440523', '南澳县', 3, '440500');
INSERT INTO public.regions VALUES ('440604', '禅城区', 3, '440600');
INSERT INTO public.regions VALUES ('440605', '南海区', 3, '440600');
INSERT INTO public.regions VALUES ('440606', '顺德区', 3, '440600');
INSERT INTO public.regions VALUES ('440607', '三水区', 3, '440600');
INSERT INTO public.regions VALUES ('440608', '高明区', 3, '440600');
INSERT INTO public.regions VALUES ('440703', '蓬江区', 3, '440700');
INSERT INTO public.regions VALUES ('440704', '江海区', 3, '440700');
INSERT INTO public.regions VALUES ('440705', '新会区', 3, '440700');
INSERT INTO public.regions VALUES ('440781', '台山市', 3, '440700');
INSERT INTO public.regions VALUES ('440783', '开平市', 3, '440700');
INSERT INTO public.regions VALUES ('440784', '鹤山市', 3, '440700');
INSERT INTO public.regions VALUES ('440785', '恩平市', 3, '440700');
INSERT INTO public.regions VALUES ('440802', '赤坎区', 3, '440800');
INSERT INTO public.regions VALUES ('440803', '霞山区', 3, '440800');
INSERT INTO public.regions VALUES ('440804', '坡头区', 3, '440800');
INSERT INTO public.regions VALUES ('440811', '麻章区', 3, '440800');
INSERT INTO public.regions VALUES ('440823', '遂溪县', 3, '440800');
INSERT INTO public.regions VALUES ('440825', '徐闻县', 3, '440800');
INSERT INTO public.regions VALUES ('440881', '廉江市', 3, '440800');
INSERT INTO public.regions VALUES ('440882', '雷州市', 3, '440800');
INSERT INTO public.regions VALUES ('440883', '吴川市', 3, '440800');
INSERT INTO public.regions VALUES ('440902', '茂南区', 3, '440900');
INSERT INTO public.regions VALUES ('440904', '电白区', 3, '440900');
INSERT INTO public.regions VALUES ('440981', '高州市', 3, '440900');
INSERT INTO public.regions VALUES ('440982', '化州市', 3, '440900');
INSERT INTO public.regions VALUES ('440983', '信宜市', 3, '440900');
INSERT INTO public.regions VALUES ('441202', '端州区', 3, '441200');
INSERT INTO public.regions VALUES ('441203', '鼎湖区', 3, '441200');
INSERT INTO public.regions VALUES ('441204', '高要区', 3, '441200');
INSERT INTO public.regions VALUES ('441223', '广宁县', 3, '441200');
INSERT INTO public.regions VALUES ('441224', '怀集县', 3, '441200');
INSERT INTO public.regions VALUES ('441225', '封开县', 3, '441200');
INSERT INTO public.regions VALUES ('441226', '德庆县', 3, '441200');
INSERT INTO public.regions VALUES ('441284', '四会市', 3, '441200');
INSERT INTO public.regions VALUES ('441302', '惠城区', 3, '441300');
INSERT INTO public.regions VALUES ('441303', '惠阳区', 3, '441300');
INSERT INTO public.regions VALUES ('441322', '博罗县', 3, '441300');
INSERT INTO public.regions VALUES ('441323', '惠东县', 3, '441300');
INSERT INTO public.regions VALUES ('441324', '龙门县', 3, '441300');
INSERT INTO public.regions VALUES ('441402', '梅江区', 3, '441400');
INSERT INTO public.regions VALUES ('441403', '梅县区', 3, '441400');
INSERT INTO public.regions VALUES ('441422', '大埔县', 3, '441400');
INSERT INTO public.regions VALUES ('441423', '丰顺县', 3, '441400');
INSERT INTO public.regions VALUES ('441424', '五华县', 3, '441400');
INSERT INTO public.regions VALUES ('441426', '平远县', 3, '441400');
INSERT INTO public.regions VALUES ('441427', '蕉岭县', 3, '441400');
INSERT INTO public.regions VALUES ('441481', '兴宁市', 3, '441400');
INSERT INTO public.regions VALUES ('441502', '城区', 3, '441500');
INSERT INTO public.regions VALUES ('441521', '海丰县', 3, '441500');
INSERT INTO public.regions VALUES ('441523', '陆河县', 3, '441500');
INSERT INTO public.regions VALUES ('441581', '陆丰市', 3, '441500');
INSERT INTO public.regions VALUES ('441602', '源城区', 3, '441600');
INSERT INTO public.regions VALUES ('441621', '紫金县', 3, '441600');
INSERT INTO public.regions VALUES ('441622', '龙川县', 3, '441600');
INSERT INTO public.regions VALUES ('441623', '连平县', 3, '441600');
INSERT INTO public.regions VALUES ('441624', '和平县', 3, '441600');
INSERT INTO public.regions VALUES ('441625', '东源县', 3, '441600');
INSERT INTO public.regions VALUES ('441702', '江城区', 3, '441700');
INSERT INTO public.regions VALUES ('441704', '阳东区', 3, '441700');
INSERT INTO public.regions VALUES ('441721', '阳西县', 3, '441700');
INSERT INTO public.regions VALUES ('441781', '阳春市', 3, '441700');
INSERT INTO public.regions VALUES ('441802', '清城区', 3, '441800');
INSERT INTO public.regions VALUES ('441803', '清新区', 3, '441800');
INSERT INTO public.regions VALUES ('441821', '佛冈县', 3, '441800');
INSERT INTO public.regions VALUES ('441823', '阳山县', 3, '441800');
INSERT INTO public.regions VALUES ('441825', '连山壮族瑶族自治县', 3, '441800');
INSERT INTO public.regions VALUES ('441826', '连南瑶族自治县', 3, '441800');
INSERT INTO public.regions VALUES ('441881', '英德市', 3, '441800');
INSERT INTO public.regions VALUES ('441882', '连州市', 3, '441800');
INSERT INTO public.regions VALUES ('441900', '东莞市', 3, '441900');
INSERT INTO public.regions VALUES ('442000', '中山市', 3, '442000');
INSERT INTO public.regions VALUES ('445102', '湘桥区', 3, '445100');
INSERT INTO public.regions VALUES ('445103', '潮安区', 3, '445100');
INSERT INTO public.regions VALUES ('445122', '饶平县', 3, '445100');
INSERT INTO public.regions VALUES ('445202', '榕城区', 3, '445200');
INSERT INTO public.regions VALUES ('445203', '揭东区', 3, '445200');
INSERT INTO public.regions VALUES ('445222', '揭西县', 3, '445200');
INSERT INTO public.regions VALUES ('445224', '惠来县', 3, '445200');
INSERT INTO public.regions VALUES ('445281', '普宁市', 3, '445200');
INSERT INTO public.regions VALUES ('445302', '云城区', 3, '445300');
INSERT INTO public.regions VALUES ('445303', '云安区', 3, '445300');
INSERT INTO public.regions VALUES ('445321', '新兴县', 3, '445300');
INSERT INTO public.regions VALUES ('445322', '郁南县', 3, '445300');
INSERT INTO public.regions VALUES ('445381', '罗定市', 3, '445300');
INSERT INTO public.regions VALUES ('450102', '兴宁区', 3, '450100');
INSERT INTO public.regions VALUES ('450103', '青秀区', 3, '450100');
INSERT INTO public.regions VALUES ('450105', '江南区', 3, '450100');
INSERT INTO public.regions VALUES ('450107', '西乡塘区', 3, '450100');
INSERT INTO public.regions VALUES ('450108', '良庆区', 3, '450100');
INSERT INTO public.regions VALUES ('450109', '邕宁区', 3, '450100');
INSERT INTO public.regions VALUES ('450110', '武鸣区', 3, '450100');
INSERT INTO public.regions VALUES ('450123', '隆安县', 3, '450100');
INSERT INTO public.regions VALUES ('450124', '马山县', 3, '450100');
INSERT INTO public.regions VALUES ('450125', '上林县', 3, '450100');
INSERT INTO public.regions VALUES ('450126', '宾阳县', 3, '450100');
INSERT INTO public.regions VALUES ('450181', '横州市', 3, '450100');
INSERT INTO public.regions VALUES ('450202', '城中区', 3, '450200');
INSERT INTO public.regions VALUES ('450203', '鱼峰区', 3, '450200');
INSERT INTO public.regions VALUES ('450204', '柳南区', 3, '450200');
INSERT INTO public.regions VALUES ('450205', '柳北区', 3, '450200');
INSERT INTO public.regions VALUES ('450206', '柳江区', 3, '450200');
INSERT INTO public.regions VALUES ('450222', '柳城县', 3, '450200');
INSERT INTO public.regions VALUES ('450223', '鹿寨县', 3, '450200');
INSERT INTO public.regions VALUES ('450224', '融安县', 3, '450200');
INSERT INTO public.regions VALUES ('450225', '融水苗族自治县', 3, '450200');
INSERT INTO public.regions VALUES ('450226', '三江侗族自治县', 3, '450200');
INSERT INTO public.regions VALUES ('450302', '秀峰区', 3, '450300');
INSERT INTO public.regions VALUES ('450303', '叠彩区', 3, '450300');
INSERT INTO public.regions VALUES ('450304', '象山区', 3, '450300');
INSERT INTO public.regions VALUES ('450305', '七星区', 3, '450300');
INSERT INTO public.regions VALUES ('450311', '雁山区', 3, '450300');
INSERT INTO public.regions VALUES ('450312', '临桂区', 3, '450300');
INSERT INTO public.regions VALUES ('450321', '阳朔县', 3, '450300');
INSERT INTO public.regions VALUES ('450323', '灵川县', 3, '450300');
INSERT INTO public.regions VALUES ('450324', '全州县', 3, '450300');
INSERT INTO public.regions VALUES ('450325', '兴安县', 3, '450300');
INSERT INTO public.regions VALUES ('450326', '永福县', 3, '450300');
INSERT INTO public.regions VALUES ('450327', '灌阳县', 3, '450300');
INSERT INTO public.regions VALUES ('450328', '龙胜各族自治县', 3, '450300');
INSERT INTO public.regions VALUES ('450329', '资源县', 3, '450300');
INSERT INTO public.regions VALUES ('450330', '平乐县', 3, '450300');
INSERT INTO public.regions VALUES ('450332', '恭城瑶族自治县', 3, '450300');
INSERT INTO public.regions VALUES ('450381', '荔浦市', 3, '450300');
INSERT INTO public.regions VALUES ('450403', '万秀区', 3, '450400');
INSERT INTO public.regions VALUES ('450405', '长洲区', 3, '450400');
INSERT INTO public.regions VALUES ('450406', '龙圩区', 3, '450400');
INSERT INTO public.regions VALUES ('450421', '苍梧县', 3, '450400');
INSERT INTO public.regions VALUES ('450422', '藤县', 3, '450400');
INSERT INTO public.regions VALUES ('450423', '蒙山县', 3, '450400');
INSERT INTO public.regions VALUES ('450481', '岑溪市', 3, '450400');
INSERT INTO public.regions VALUES ('450502', '海城区', 3, '450500');
INSERT INTO public.regions VALUES ('450503', '银海区', 3, '450500');
INSERT INTO public.regions VALUES ('450512', '铁山港区', 3, '450500');
INSERT INTO public.regions VALUES ('450521', '合浦县', 3, '450500');
INSERT INTO public.regions VALUES ('450602', '港口区', 3, '450600');
INSERT INTO public.regions VALUES ('450603', '防城区', 3, '450600');
INSERT INTO public.regions VALUES ('450621', '上思县', 3, '450600');
INSERT INTO public.regions VALUES ('450681', '东兴市', 3, '450600');
INSERT INTO public.regions VALUES ('450702', '钦南区', 3, '450700');
INSERT INTO public.regions VALUES ('450703', '钦北区', 3, '450700');
INSERT INTO public.regions VALUES ('450721', '灵山县', 3, '450700');
INSERT INTO public.regions VALUES ('450722', '浦北县', 3, '450700');
INSERT INTO public.regions VALUES ('450802', '港北区', 3, '450800');
INSERT INTO public.regions VALUES ('450803', '港南区', 3, '450800');
INSERT INTO public.regions VALUES ('450804', '覃塘区', 3, '450800');
INSERT INTO public.regions VALUES ('450821', '平南县', 3, '450800');
INSERT INTO public.regions VALUES ('450881', '桂平市', 3, '450800');
INSERT INTO public.regions VALUES ('450902', '玉州区', 3, '450900');
INSERT INTO public.regions VALUES ('450903', '福绵区', 3, '450900');
INSERT INTO public.regions VALUES ('450921', '容县', 3, '450900');
INSERT INTO public.regions VALUES ('450922', '陆川县', 3, '450900');
INSERT INTO public.regions VALUES ('450923', '博白县', 3, '450900');
INSERT INTO public.regions VALUES ('450924', '兴业县', 3, '450900');
INSERT INTO public.regions VALUES ('450981', '北流市', 3, '450900');
INSERT INTO public.regions VALUES ('451002', '右江区', 3, '451000');
INSERT INTO public.regions VALUES ('451003', '田阳区', 3, '451000');
INSERT INTO public.regions VALUES ('451022', '田东县', 3, '451000');
INSERT INTO public.regions VALUES ('451024', '德保县', 3, '451000');
INSERT INTO public.regions VALUES ('451026', '那坡县', 3, '451000');
INSERT INTO public.regions VALUES ('451027', '凌云县', 3, '451000');
INSERT INTO public.regions VALUES ('451028', '乐业县', 3, '451000');
INSERT INTO public.regions VALUES ('451029', '田林县', 3, '451000');
INSERT INTO public.regions VALUES ('451030', '西林县', 3, '451000');
INSERT INTO public.regions VALUES ('451031', '隆林各族自治县', 3, '451000');
INSERT INTO public.regions VALUES ('451081', '靖西市', 3, '451000');
INSERT INTO public.regions VALUES ('451082', '平果市', 3, '451000');
INSERT INTO public.regions VALUES ('451102', '八步区', 3, '451100');
INSERT INTO public.regions VALUES ('451103', '平桂区', 3, '451100');
INSERT INTO public.regions VALUES ('451121', '昭平县', 3, '451100');
INSERT INTO public.regions VALUES ('451122', '钟山县', 3, '451100');
INSERT INTO public.regions VALUES ('451123', '富川瑶族自治县', 3, '451100');
INSERT INTO public.regions VALUES ('451202', '金城江区', 3, '451200');
INSERT INTO public.regions VALUES ('451203', '宜州区', 3, '451200');
INSERT INTO public.regions VALUES ('451221', '南丹县', 3, '451200');
INSERT INTO public.regions VALUES ('451222', '天峨县', 3, '451200');
INSERT INTO public.regions VALUES ('451223', '凤山县', 3, '451200');
INSERT INTO public.regions VALUES ('451224', '东兰县', 3, '451200');
INSERT INTO public.regions VALUES ('451225', '罗城仫佬族自治县', 3, '451200');
INSERT INTO public.regions VALUES ('451226', '环江毛南族自治县', 3, '451200');
INSERT INTO public.regions VALUES ('451227', '巴马瑶族自治县', 3, '451200');
INSERT INTO public.regions VALUES ('451228', '都安瑶族自治县', 3, '451200');
INSERT INTO public.regions VALUES ('451229', '大化瑶族自治县', 3, '451200');
INSERT INTO public.regions VALUES ('451302', '兴宾区', 3, '451300');
INSERT INTO public.regions VALUES ('451321', '忻城县', 3, '451300');
INSERT INTO public.regions VALUES ('451322', '象州县', 3, '451300');
INSERT INTO public.regions VALUES ('451323', '武宣县', 3, '451300');
INSERT INTO public.regions VALUES ('451324', '金秀瑶族自治县', 3, '451300');
INSERT INTO public.regions VALUES ('451381', '合山市', 3, '451300');
INSERT INTO public.regions VALUES ('451402', '江州区', 3, '451400');
INSERT INTO public.regions VALUES ('451421', '扶绥县', 3, '451400');
INSERT INTO public.regions VALUES ('451422', '宁明县', 3, '451400');
INSERT INTO public.regions VALUES ('451423', '龙州县', 3, '451400');
INSERT INTO public.regions VALUES ('451424', '大新县', 3, '451400');
INSERT INTO public.regions VALUES ('451425', '天等县', 3, '451400');
INSERT INTO public.regions VALUES ('451481', '凭祥市', 3, '451400');
INSERT INTO public.regions VALUES ('460105', '秀英区', 3, '460100');
INSERT INTO public.regions VALUES ('460106', '龙华区', 3, '460100');
INSERT INTO public.regions VALUES ('460107', '琼山区', 3, '460100');
INSERT INTO public.regions VALUES ('460108', '美兰区', 3, '460100');
INSERT INTO public.regions VALUES ('460202', '海棠区', 3, '460200');
INSERT INTO public.regions VALUES ('460203', '吉阳区', 3, '460200');
INSERT INTO public.regions VALUES ('460204', '天涯区', 3, '460200');
INSERT INTO public.regions VALUES ('460205', '崖州区', 3, '460200');
INSERT INTO public.regions VALUES ('460321', '西沙群岛', 3, '460300');
INSERT INTO public.regions VALUES ('460322', '南沙群岛', 3, '460300');
INSERT INTO public.regions VALUES ('460323', '中沙群岛的岛礁及其海域', 3, '460300');
INSERT INTO public.regions VALUES ('460400', '儋州市', 3, '460400');
INSERT INTO public.regions VALUES ('469001', '五指山市', 3, '469000');
INSERT INTO public.regions VALUES ('469002', '琼海市', 3, '469000');
INSERT INTO public.regions VALUES ('469005', '文昌市', 3, '469000');
INSERT INTO public.regions VALUES ('469006', '万宁市', 3, '469000');
INSERT INTO public.regions VALUES ('469007', '东方市', 3, '469000');
INSERT INTO public.regions VALUES ('469021', '定安县', 3, '469000');
INSERT INTO public.regions VALUES ('469022', '屯昌县', 3, '469000');
INSERT INTO public.regions VALUES ('469023', '澄迈县', 3, '469000');
INSERT INTO public.regions VALUES ('469024', '临高县', 3, '469000');
INSERT INTO public.regions VALUES ('469025', '白沙黎族自治县', 3, '469000');
INSERT INTO public.regions VALUES ('469026', '昌江黎族自治县', 3, '469000');
INSERT INTO public.regions VALUES ('469027', '乐东黎族自治县', 3, '469000');
INSERT INTO public.regions VALUES ('469028', '陵水黎族自治县', 3, '469000');
INSERT INTO public.regions VALUES ('469029', '保亭黎族苗族自治县', 3, '469000');
INSERT INTO public.regions VALUES ('469030', '琼中黎族苗族自治县', 3, '469000');
INSERT INTO public.regions VALUES ('500101', '万州区', 3, '500100');
INSERT INTO public.regions VALUES ('500102', '涪陵区', 3, '500100');
INSERT INTO public.regions VALUES ('500103', '渝中区', 3, '500100');
INSERT INTO public.regions VALUES ('500104', '大渡口区', 3, '500100');
INSERT INTO public.regions VALUES ('500105', '江北区', 3, '500100');
INSERT INTO public.regions VALUES ('500106', '沙坪坝区', 3, '500100');
INSERT INTO public.regions VALUES ('500107', '九龙坡区', 3, '500100');
INSERT INTO public.regions VALUES ('500108', '南岸区', 3, '500100');
INSERT INTO public.regions VALUES ('500109', '北碚区', 3, '500100');
INSERT INTO public.regions VALUES ('500110', '綦江区', 3, '500100');
INSERT INTO public.regions VALUES ('500111', '大足区', 3, '500100');
INSERT INTO public.regions VALUES ('500112', '渝北区', 3, '500100');
INSERT INTO public.regions VALUES ('500113', '巴南区', 3, '500100');
INSERT INTO public.regions VALUES ('500114', '黔江区', 3, '500100');
INSERT INTO public.regions VALUES ('500115', '长寿区', 3, '500100');
INSERT INTO public.regions VALUES ('500116', '江津区', 3, '500100');
INSERT INTO public.regions VALUES ('500117', '合川区', 3, '500100');
INSERT INTO public.regions VALUES ('500118', '永川区', 3, '500100');
INSERT INTO public.regions VALUES ('500119', '南川区', 3, '500100');
INSERT INTO public.regions VALUES ('500120', '璧山区', 3, '500100');
INSERT INTO public.regions VALUES ('500151', '铜梁区', 3, '500100');
INSERT INTO public.regions VALUES ('500152', '潼南区', 3, '500100');
INSERT INTO public.regions VALUES ('500153', '荣昌区', 3, '500100');
INSERT INTO public.regions VALUES ('500154', '开州区', 3, '500100');
INSERT INTO public.regions VALUES ('500155', '梁平区', 3, '500100');
INSERT INTO public.regions VALUES ('500156', '武隆区', 3, '500100');
INSERT INTO public.regions VALUES ('500229', '城口县', 3, '500200');
INSERT INTO public.regions VALUES ('500230', '丰都县', 3, '500200');
INSERT INTO public.regions VALUES ('500231', '垫江县', 3, '500200');
INSERT INTO public.regions VALUES ('500233', '忠县', 3, '500200');
INSERT INTO public.regions VALUES ('500235', '云阳县', 3, '500200');
INSERT INTO public.regions VALUES ('500236', '奉节县', 3, '500200');
INSERT INTO public.regions VALUES ('500237', '巫山县', 3, '500200');
INSERT INTO public.regions VALUES ('500238', '巫溪县', 3, '500200');
INSERT INTO public.regions VALUES ('500240', '石柱土家族自治县', 3, '500200');
INSERT INTO public.regions VALUES ('500241', '秀山土家族苗族自治县', 3, '500200');
INSERT INTO public.regions VALUES ('500242', '酉阳土家族苗族自治县', 3, '500200');
INSERT INTO public.regions VALUES ('500243', '彭水苗族土家族自治县', 3, '500200');
INSERT INTO public.regions VALUES ('510104', '锦江区', 3, '510100');
INSERT INTO public.regions VALUES ('510105', '青羊区', 3, '510100');
INSERT INTO public.regions VALUES ('510106', '金牛区', 3, '510100');
INSERT INTO public.regions VALUES ('510107', '武侯区', 3, '510100');
INSERT INTO public.regions VALUES ('510108', '成华区', 3, '510100');
INSERT INTO public.regions VALUES ('510112', '龙泉驿区', 3, '510100');
INSERT INTO public.regions VALUES ('510113', '青白江区', 3, '510100');
INSERT INTO public.regions VALUES ('510114', '新都区', 3, '510100');
INSERT INTO public.regions VALUES ('510115', '温江区', 3, '510100');
INSERT INTO public.regions VALUES ('510116', '双流区', 3, '510100');
INSERT INTO public.regions VALUES ('510117', '郫都区', 3, '510100');
INSERT INTO public.regions VALUES ('510118', '新津区', 3, '510100');
INSERT INTO public.regions VALUES ('510121', '金堂县', 3, '510100');
INSERT INTO public.regions VALUES ('510129', '大邑县', 3, '510100');
INSERT INTO public.regions VALUES ('510131', '蒲江县', 3, '510100');
INSERT INTO public.regions VALUES ('510181', '都江堰市', 3, '510100');
INSERT INTO public.regions VALUES ('510182', '彭州市', 3, '510100');
INSERT INTO public.regions VALUES ('510183', '邛崃市', 3, '510100');
INSERT INTO public.regions VALUES ('510184', '崇州市', 3, '510100');
INSERT INTO public.regions VALUES ('510185', '简阳市', 3, '510100');
INSERT INTO public.regions VALUES ('510302', '自流井区', 3, '510300');
INSERT INTO public.regions VALUES ('510303', '贡井区', 3, '510300');
INSERT INTO public.regions VALUES ('510304', '大安区', 3, '510300');
INSERT INTO public.regions VALUES ('510311', '沿滩区', 3, '510300');
INSERT INTO public.regions VALUES ('510321', '荣县', 3, '510300');
INSERT INTO public.regions VALUES ('510322', '富顺县', 3, '510300');
INSERT INTO public.regions VALUES ('510402', '东区', 3, '510400');
INSERT INTO public.regions VALUES ('510403', '西区', 3, '510400');
INSERT INTO public.regions VALUES ('510411', '仁和区', 3, '510400');
INSERT INTO public.regions VALUES ('510421', '米易县', 3, '510400');
INSERT INTO public.regions VALUES ('510422', '盐边县', 3, '510400');
INSERT INTO public.regions VALUES ('510502', '江阳区', 3, '510500');
INSERT INTO public.regions VALUES ('510503', '纳溪区', 3, '510500');
INSERT INTO public.regions VALUES ('510504', '龙马潭区', 3, '510500');
INSERT INTO public.regions VALUES ('510521', '泸县', 3, '510500');
INSERT INTO public.regions VALUES ('510522', '合江县', 3, '510500');
INSERT INTO public.regions VALUES ('510524', '叙永县', 3, '510500');
INSERT INTO public.regions VALUES ('510525', '古蔺县', 3, '510500');
INSERT INTO public.regions VALUES ('510603', '旌阳区', 3, '510600');
INSERT INTO public.regions VALUES ('510604', '罗江区', 3, '510600');
INSERT INTO public.regions VALUES ('510623', '中江县', 3, '510600');
INSERT INTO public.regions VALUES ('510681', '广汉市', 3, '510600');
INSERT INTO public.regions VALUES ('510682', '什邡市', 3, '510600');
INSERT INTO public.regions VALUES ('510683', '绵竹市', 3, '510600');
INSERT INTO public.regions VALUES ('510703', '涪城区', 3, '510700');
INSERT INTO public.regions VALUES ('510704', '游仙区', 3, '510700');
INSERT INTO public.regions VALUES ('510705', '安州区', 3, '510700');
INSERT INTO public.regions VALUES ('510722', '三台县', 3, '510700');
INSERT INTO public.regions VALUES ('510723', '盐亭县', 3, '510700');
INSERT INTO public.regions VALUES ('510725', '梓潼县', 3, '510700');
INSERT INTO public.regions VALUES ('510726', '北川羌族自治县', 3, '510700');
INSERT INTO public.regions VALUES ('510727', '平武县', 3, '510700');
INSERT INTO public.regions VALUES ('510781', '江油市', 3, '510700');
INSERT INTO public.regions VALUES ('510802', '利州区', 3, '510800');
INSERT INTO public.regions VALUES ('510811', '昭化区', 3, '510800');
INSERT INTO public.regions VALUES ('510812', '朝天区', 3, '510800');
INSERT INTO public.regions VALUES ('510821', '旺苍县', 3, '510800');
INSERT INTO public.regions VALUES ('510822', '青川县', 3, '510800');
INSERT INTO public.regions VALUES ('510823', '剑阁县', 3, '510800');
INSERT INTO public.regions VALUES ('510824', '苍溪县', 3, '510800');
INSERT INTO public.regions VALUES ('510903', '船山区', 3, '510900');
INSERT INTO public.regions VALUES ('510904', '安居区', 3, '510900');
INSERT INTO public.regions VALUES ('510921', '蓬溪县', 3, '510900');
INSERT INTO public.regions VALUES ('510923', '大英县', 3, '510900');
INSERT INTO public.regions VALUES ('510981', '射洪市', 3, '510900');
INSERT INTO public.regions VALUES ('511002', '市中区', 3, '511000');
INSERT INTO public.regions VALUES ('511011', '东兴区', 3, '511000');
INSERT INTO public.regions VALUES ('511024', '威远县', 3, '511000');
INSERT INTO public.regions VALUES ('511025', '资中县', 3, '511000');
INSERT INTO public.regions VALUES ('511083', '隆昌市', 3, '511000');
INSERT INTO public.regions VALUES ('511102', '市中区', 3, '511100');
INSERT INTO public.regions VALUES ('511111', '沙湾区', 3, '511100');
INSERT INTO public.regions VALUES ('511112', '五通桥区', 3, '511100');
INSERT INTO public.regions VALUES ('511113', '金口河区', 3, '511100');
INSERT INTO public.regions VALUES ('511123', '犍为县', 3, '511100');
INSERT INTO public.regions VALUES ('511124', '井研县', 3, '511100');
INSERT INTO public.regions VALUES ('511126', '夹江县', 3, '511100');
INSERT INTO public.regions VALUES ('511129', '沐川县', 3, '511100');
INSERT INTO public.regions VALUES ('511132', '峨边彝族自治县', 3, '511100');
INSERT INTO public.regions VALUES ('511133', '马边彝族自治县', 3, '511100');
INSERT INTO public.regions VALUES ('511181', '峨眉山市', 3, '511100');
INSERT INTO public.regions VALUES ('511302', '顺庆区', 3, '511300');
INSERT INTO public.regions VALUES ('511303', '高坪区', 3, '511300');
INSERT INTO public.regions VALUES ('511304', '嘉陵区', 3, '511300');
INSERT INTO public.regions VALUES ('511321', '南部县', 3, '511300');
INSERT INTO public.regions VALUES ('511322', '营山县', 3, '511300');
INSERT INTO public.regions VALUES ('511323', '蓬安县', 3, '511300');
INSERT INTO public.regions VALUES ('511324', '仪陇县', 3, '511300');
INSERT INTO public.regions VALUES ('511325', '西充县', 3, '511300');
INSERT INTO public.regions VALUES ('511381', '阆中市', 3, '511300');
INSERT INTO public.regions VALUES ('511402', '东坡区', 3, '511400');
INSERT INTO public.regions VALUES ('511403', '彭山区', 3, '511400');
INSERT INTO public.regions VALUES ('511421', '仁寿县', 3, '511400');
INSERT INTO public.regions VALUES ('511423', '洪雅县', 3, '511400');
INSERT INTO public.regions VALUES ('511424', '丹棱县', 3, '511400');
INSERT INTO public.regions VALUES ('511425', '青神县', 3, '511400');
INSERT INTO public.regions VALUES ('511502', '翠屏区', 3, '511500');
INSERT INTO public.regions VALUES ('511503', '南溪区', 3, '511500');
INSERT INTO public.regions VALUES ('511504', '叙州区', 3, '511500');
INSERT INTO public.regions VALUES ('511523', '江安县', 3, '511500');
INSERT INTO public.regions VALUES ('511524', '长宁县', 3, '511500');
INSERT INTO public.regions VALUES ('511525', '高县', 3, '511500');
INSERT INTO public.regions VALUES ('511526', '珙县', 3, '511500');
INSERT INTO public.regions VALUES ('511527', '筠连县', 3, '511500');
INSERT INTO public.regions VALUES ('511528', '兴文县', 3, '511500');
INSERT INTO public.regions VALUES ('511529', '屏山县', 3, '511500');
INSERT INTO public.regions VALUES ('511602', '广安区', 3, '511600');
INSERT INTO public.regions VALUES ('511603', '前锋区', 3, '511600');
INSERT INTO public.regions VALUES ('511621', '岳池县', 3, '511600');
INSERT INTO public.regions VALUES ('511622', '武胜县', 3, '511600');
INSERT INTO public.regions VALUES ('511623', '邻水县', 3, '511600');
INSERT INTO public.regions VALUES ('511681', '华蓥市', 3, '511600');
INSERT INTO public.regions VALUES ('511702', '通川区', 3, '511700');
INSERT INTO public.regions VALUES ('511703', '达川区', 3, '511700');
INSERT INTO public.regions VALUES ('511722', '宣汉县', 3, '511700');
INSERT INTO public.regions VALUES ('511723', '开江县', 3, '511700');
INSERT INTO public.regions VALUES ('511724', '大竹县', 3, '511700');
INSERT INTO public.regions VALUES ('511725', '渠县', 3, '511700');
INSERT INTO public.regions VALUES ('511781', '万源市', 3, '511700');
INSERT INTO public.regions VALUES ('511802', '雨城区', 3, '511800');
INSERT INTO public.regions VALUES ('511803', '名山区', 3, '511800');
INSERT INTO public.regions VALUES ('511822', '荥经县', 3, '511800');
INSERT INTO public.regions VALUES ('511823', '汉源县', 3, '511800');
INSERT INTO public.regions VALUES ('511824', '石棉县', 3, '511800');
INSERT INTO public.regions VALUES ('511825', '天全县', 3, '511800');
INSERT INTO public.regions VALUES ('511826', '芦山县', 3, '511800');
INSERT INTO public.regions VALUES ('511827', '宝兴县', 3, '511800');
INSERT INTO public.regions VALUES ('511902', '巴州区', 3, '511900');
INSERT INTO public.regions VALUES ('511903', '恩阳区', 3, '511900');
INSERT INTO public.regions VALUES ('511921', '通江县', 3, '511900');
INSERT INTO public.regions VALUES ('511922', '南江县', 3, '511900');
INSERT INTO public.regions VALUES ('511923', '平昌县', 3, '511900');
INSERT INTO public.regions VALUES ('512002', '雁江区', 3, '512000');
INSERT INTO public.regions VALUES ('512021', '安岳县', 3, '512000');
INSERT INTO public.regions VALUES ('512022', '乐至县', 3, '512000');
INSERT INTO public.regions VALUES ('513201', '马尔康市', 3, '513200');
INSERT INTO public.regions VALUES ('513221', '汶川县', 3, '513200');
INSERT INTO public.regions VALUES ('513222', '理县', 3, '513200');
INSERT INTO public.regions VALUES ('513223', '茂县', 3, '513200');
INSERT INTO public.regions VALUES ('513224', '松潘县', 3, '513200');
INSERT INTO public.regions VALUES ('513225', '九寨沟县', 3, '513200');
INSERT INTO public.regions VALUES ('513226', '金川县', 3, '513200');
INSERT INTO public.regions VALUES ('513227', '小金县', 3, '513200');
INSERT INTO public.regions VALUES ('513228', '黑水县', 3, '513200');
INSERT INTO public.regions VALUES ('513230', '壤塘县', 3, '513200');
INSERT INTO public.regions VALUES ('513231', '阿坝县', 3, '513200');
INSERT INTO public.regions VALUES ('513232', '若尔盖县', 3, '513200');
INSERT INTO public.regions VALUES ('513233', '红原县', 3, '513200');
INSERT INTO public.regions VALUES ('513301', '康定市', 3, '513300');
INSERT INTO public.regions VALUES ('513322', '泸定县', 3, '513300');
INSERT INTO public.regions VALUES ('513323', '丹巴县', 3, '513300');
INSERT INTO public.regions VALUES ('513324', '九龙县', 3, '513300');
INSERT INTO public.regions VALUES ('513325', '雅江县', 3, '513300');
INSERT INTO public.regions VALUES ('513326', '道孚县', 3, '513300');
INSERT INTO public.regions VALUES ('513327', '炉霍县', 3, '513300');
INSERT INTO public.regions VALUES ('513328', '甘孜县', 3, '513300');
INSERT INTO public.regions VALUES ('513329', '新龙县', 3, '513300');
INSERT INTO public.regions VALUES ('513330', '德格县', 3, '513300');
INSERT INTO public.regions VALUES ('513331', '白玉县', 3, '513300');
INSERT INTO public.regions VALUES ('513332', '石渠县', 3, '513300');
INSERT INTO public.regions VALUES ('513333', '色达县', 3, '513300');
INSERT INTO public.regions VALUES ('513334', '理塘县', 3, '513300');
INSERT INTO public.regions VALUES ('513335', '巴塘县', 3, '513300');
INSERT INTO public.regions VALUES ('513336', '乡城县', 3, '513300');
INSERT INTO public.regions VALUES ('513337', '稻城县', 3, '513300');
INSERT INTO public.regions VALUES ('513338', '得荣县', 3, '513300');
INSERT INTO public.regions VALUES ('513401', '西昌市', 3, '513400');
INSERT INTO public.regions VALUES ('513402', '会理市', 3, '513400');
INSERT INTO public.regions VALUES ('513422', '木里藏族自治县', 3, '513400');
INSERT INTO public.regions VALUES ('513423', '盐源县', 3, '513400');
INSERT INTO public.regions VALUES ('513424', '德昌县', 3, '513400');
INSERT INTO public.regions VALUES ('513426', '会东县', 3, '513400');
INSERT INTO public.regions VALUES ('513427', '宁南县', 3, '513400');
INSERT INTO public.regions VALUES ('513428', '普格县', 3, '513400');
INSERT INTO public.regions VALUES ('513429', '布拖县', 3, '513400');
INSERT INTO public.regions VALUES ('513430', '金阳县', 3, '513400');
INSERT INTO public.regions VALUES ('513431', '昭觉县', 3, '513400');
INSERT INTO public.regions VALUES ('513432', '喜德县', 3, '513400');
INSERT INTO public.regions VALUES ('513433', '冕宁县', 3, '513400');
INSERT INTO public.regions VALUES ('513434', '越西县', 3, '513400');
INSERT INTO public.regions VALUES ('513435', '甘洛县', 3, '513400');
INSERT INTO public.regions VALUES ('513436', '美姑县', 3, '513400');
INSERT INTO public.regions VALUES ('513437', '雷波县', 3, '513400');
INSERT INTO public.regions VALUES ('520102', '南明区', 3, '520100');
INSERT INTO public.regions VALUES ('520103', '云岩区', 3, '520100');
INSERT INTO public.regions VALUES ('520111', '花溪区', 3, '520100');
INSERT INTO public.regions VALUES ('520112', '乌当区', 3, '520100');
INSERT INTO public.regions VALUES ('520113', '白云区', 3, '520100');
INSERT INTO public.regions VALUES ('520115', '观山湖区', 3, '520100');
INSERT INTO public.regions VALUES ('520121', '开阳县', 3, '520100');
INSERT INTO public.regions VALUES ('520122', '息烽县', 3, '520100');
INSERT INTO public.regions VALUES ('520123', '修文县', 3, '520100');
INSERT INTO public.regions VALUES ('520181', '清镇市', 3, '520100');
INSERT INTO public.regions VALUES ('520201', '钟山区', 3, '520200');
INSERT INTO public.regions VALUES ('520203', '六枝特区', 3, '520200');
INSERT INTO public.regions VALUES ('520204', '水城区', 3, '520200');
INSERT INTO public.regions VALUES ('520281', '盘州市', 3, '520200');
INSERT INTO public.regions VALUES ('520302', '红花岗区', 3, '520300');
INSERT INTO public.regions VALUES ('520303', '汇川区', 3, '520300');
INSERT INTO public.regions VALUES ('520304', '播州区', 3, '520300');
INSERT INTO public.regions VALUES ('520322', '桐梓县', 3, '520300');
INSERT INTO public.regions VALUES ('520323', '绥阳县', 3, '520300');
INSERT INTO public.regions VALUES ('520324', '正安县', 3, '520300');
INSERT INTO public.regions VALUES ('520325', '道真仡佬族苗族自治县', 3, '520300');
INSERT INTO public.regions VALUES ('520326', '务川仡佬族苗族自治县', 3, '520300');
INSERT INTO public.regions VALUES ('520327', '凤冈县', 3, '520300');
INSERT INTO public.regions VALUES ('520328', '湄潭县', 3, '520300');
INSERT INTO public.regions VALUES ('520329', '余庆县', 3, '520300');
INSERT INTO public.regions VALUES ('520330', '习水县', 3, '520300');
INSERT INTO public.regions VALUES ('520381', '赤水市', 3, '520300');
INSERT INTO public.regions VALUES ('520382', '仁怀市', 3, '520300');
INSERT INTO public.regions VALUES ('520402', '西秀区', 3, '520400');
INSERT INTO public.regions VALUES ('520403', '平坝区', 3, '520400');
INSERT INTO public.regions VALUES ('520422', '普定县', 3, '520400');
INSERT INTO public.regions VALUES ('520423', '镇宁布依族苗族自治县', 3, '520400');
INSERT INTO public.regions VALUES ('520424', '关岭布依族苗族自治县', 3, '520400');
INSERT INTO public.regions VALUES ('520425', '紫云苗族布依族自治县', 3, '520400');
INSERT INTO public.regions VALUES ('520502', '七星关区', 3, '520500');
INSERT INTO public.regions VALUES ('520521', '大方县', 3, '520500');
INSERT INTO public.regions VALUES ('520523', '金沙县', 3, '520500');
INSERT INTO public.regions VALUES ('520524', '织金县', 3, '520500');
INSERT INTO public.regions VALUES ('520525', '纳雍县', 3, '520500');
INSERT INTO public.regions VALUES ('520526', '威宁彝族回族苗族自治县', 3, '520500');
INSERT INTO public.regions VALUES ('520527', '赫章县', 3, '520500');
INSERT INTO public.regions VALUES ('520581', '黔西市', 3, '520500');
INSERT INTO public.regions VALUES ('520602', '碧江区', 3, '520600');
INSERT INTO public.regions VALUES ('520603', '万山区', 3, '520600');
INSERT INTO public.regions VALUES ('520621', '江口县', 3, '520600');
INSERT INTO public.regions VALUES ('520622', '玉屏侗族自治县', 3, '520600');
INSERT INTO public.regions VALUES ('520623', '石阡县', 3, '520600');
INSERT INTO public.regions VALUES ('520624', '思南县', 3, '520600');
INSERT INTO public.regions VALUES ('520625', '印江土家族苗族自治县', 3, '520600');
INSERT INTO public.regions VALUES ('520626', '德江县', 3, '520600');
INSERT INTO public.regions VALUES ('520627', '沿河土家族自治县', 3, '520600');
INSERT INTO public.regions VALUES ('520628', '松桃苗族自治县', 3, '520600');
INSERT INTO public.regions VALUES ('522301', '兴义市', 3, '522300');
INSERT INTO public.regions VALUES ('522302', '兴仁市', 3, '522300');
INSERT INTO public.regions VALUES ('522323', '普安县', 3, '522300');
INSERT INTO public.regions VALUES ('522324', '晴隆县', 3, '522300');
INSERT INTO public.regions VALUES ('522325', '贞丰县', 3, '522300');
INSERT INTO public.regions VALUES ('522326', '望谟县', 3, '522300');
INSERT INTO public.regions VALUES ('522327', '册亨县', 3, '522300');
INSERT INTO public.regions VALUES ('522328', '安龙县', 3, '522300');
INSERT INTO public.regions VALUES ('522601', '凯里市', 3, '522600');
INSERT INTO public.regions VALUES ('522622', '黄平县', 3, '522600');
INSERT INTO public.regions VALUES ('522623', '施秉县', 3, '522600');
INSERT INTO public.regions VALUES ('522624', '三穗县', 3, '522600');
INSERT INTO public.regions VALUES ('522625', '镇远县', 3, '522600');
INSERT INTO public.regions VALUES ('522626', '岑巩县', 3, '522600');
INSERT INTO public.regions VALUES ('522627', '天柱县', 3, '522600');
INSERT INTO public.regions VALUES ('522628', '锦屏县', 3, '522600');
INSERT INTO public.regions VALUES ('522629', '剑河县', 3, '522600');
INSERT INTO public.regions VALUES ('522630', '台江县', 3, '522600');
INSERT INTO public.regions VALUES ('522631', '黎平县', 3, '522600');
INSERT INTO public.regions VALUES ('522632', '榕江县', 3, '522600');
INSERT INTO public.regions VALUES ('522633', '从江县', 3, '522600');
INSERT INTO public.regions VALUES ('522634', '雷山县', 3, '522600');
INSERT INTO public.regions VALUES ('522635', '麻江县', 3, '522600');
INSERT INTO public.regions VALUES ('522636', '丹寨县', 3, '522600');
INSERT INTO public.regions VALUES ('522701', '都匀市', 3, '522700');
INSERT INTO public.regions VALUES ('522702', '福泉市', 3, '522700');
INSERT INTO public.regions VALUES ('522722', '荔波县', 3, '522700');
INSERT INTO public.regions VALUES ('522723', '贵定县', 3, '522700');
INSERT INTO public.regions VALUES ('522725', '瓮安县', 3, '522700');
INSERT INTO public.regions VALUES ('522726', '独山县', 3, '522700');
INSERT INTO public.regions VALUES ('522727', '平塘县', 3, '522700');
INSERT INTO public.regions VALUES ('522728', '罗甸县', 3, '522700');
INSERT INTO public.regions VALUES ('522729', '长顺县', 3, '522700');
INSERT INTO public.regions VALUES ('522730', '龙里县', 3, '522700');
INSERT INTO public.regions VALUES ('522731', '惠水县', 3, '522700');
INSERT INTO public.regions VALUES ('522732', '三都水族自治县', 3, '522700');
INSERT INTO public.regions VALUES ('530102', '五华区', 3, '530100');
INSERT INTO public.regions VALUES ('530103', '盘龙区', 3, '530100');
INSERT INTO public.regions VALUES ('530111', '官渡区', 3, '530100');
INSERT INTO public.regions VALUES ('530112', '西山区', 3, '530100');
INSERT INTO public.regions VALUES ('530113', '东川区', 3, '530100');
INSERT INTO public.regions VALUES ('530114', '呈贡区', 3, '530100');
INSERT INTO public.regions VALUES ('530115', '晋宁区', 3, '530100');
INSERT INTO public.regions VALUES ('530124', '富民县', 3, '530100');
INSERT INTO public.regions VALUES ('530125', '宜良县', 3, '530100');
INSERT INTO public.regions VALUES ('530126', '石林彝族自治县', 3, '530100');
INSERT INTO public.regions VALUES ('530127', '嵩明县', 3, '530100');
INSERT INTO public.regions VALUES ('530128', '禄劝彝族苗族自治县', 3, '530100');
INSERT INTO public.regions VALUES ('530129', '寻甸回族彝族自治县', 3, '530100');
INSERT INTO public.regions VALUES ('530181', '安宁市', 3, '530100');
INSERT INTO public.regions VALUES ('530302', '麒麟区', 3, '530300');
INSERT INTO public.regions VALUES ('530303', '沾益区', 3, '530300');
INSERT INTO public.regions VALUES ('530304', '马龙区', 3, '530300');
INSERT INTO public.regions VALUES ('530322', '陆良县', 3, '530300');
INSERT INTO public.regions VALUES ('530323', '师宗县', 3, '530300');
INSERT INTO public.regions VALUES ('530324', '罗平县', 3, '530300');
INSERT INTO public.regions VALUES ('530325', '富源县', 3, '530300');
INSERT INTO public.regions VALUES ('530326', '会泽县', 3, '530300');
INSERT INTO public.regions VALUES ('530381', '宣威市', 3, '530300');
INSERT INTO public.regions VALUES ('530402', '红塔区', 3, '530400');
INSERT INTO public.regions VALUES ('530403', '江川区', 3, '530400');
INSERT INTO public.regions VALUES ('530423', '通海县', 3, '530400');
INSERT INTO public.regions VALUES ('530424', '华宁县', 3, '530400');
INSERT INTO public.regions VALUES ('530425', '易门县', 3, '530400');
INSERT INTO public.regions VALUES ('530426', '峨山彝族自治县', 3, '530400');
INSERT INTO public.regions VALUES ('530427', '新平彝族傣族自治县', 3, '530400');
INSERT INTO public.regions VALUES ('530428', '元江哈尼族彝族傣族自治县', 3, '530400');
INSERT INTO public.regions VALUES ('530481', '澄江市', 3, '530400');
INSERT INTO public.regions VALUES ('530502', '隆阳区', 3, '530500');
INSERT INTO public.regions VALUES ('530521', '施甸县', 3, '530500');
INSERT INTO public.regions VALUES ('530523', '龙陵县', 3, '530500');
INSERT INTO public.regions VALUES ('530524', '昌宁县', 3, '530500');
INSERT INTO public.regions VALUES ('530581', '腾冲市', 3, '530500');
INSERT INTO public.regions VALUES ('530602', '昭阳区', 3, '530600');
INSERT INTO public.regions VALUES ('530621', '鲁甸县', 3, '530600');
INSERT INTO public.regions VALUES ('530622', '巧家县', 3, '530600');
INSERT INTO public.regions VALUES ('530623', '盐津县', 3, '530600');
INSERT INTO public.regions VALUES ('530624', '大关县', 3, '530600');
INSERT INTO public.regions VALUES ('530625', '永善县', 3, '530600');
INSERT INTO public.regions VALUES ('530626', '绥江县', 3, '530600');
INSERT INTO public.regions VALUES ('530627', '镇雄县', 3, '530600');
INSERT INTO public.regions VALUES ('530628', '彝良县', 3, '530600');
INSERT INTO public.regions VALUES ('530629', '威信县', 3, '530600');
INSERT INTO public.regions VALUES ('530681', '水富市', 3, '530600');
INSERT INTO public.regions VALUES ('530702', '古城区', 3, '530700');
INSERT INTO public.regions VALUES ('530721', '玉龙纳西族自治县', 3, '530700');
INSERT INTO public.regions VALUES ('530722', '永胜县', 3, '530700');
INSERT INTO public.regions VALUES ('530723', '华坪县', 3, '530700');
INSERT INTO public.regions VALUES ('530724', '宁蒗彝族自治县', 3, '530700');
INSERT INTO public.regions VALUES ('530802', '思茅区', 3, '530800');
INSERT INTO public.regions VALUES ('530821', '宁洱哈尼族彝族自治县', 3, '530800');
INSERT INTO public.regions VALUES ('530822', '墨江哈尼族自治县', 3, '530800');
INSERT INTO public.regions VALUES ('530823', '景东彝族自治县', 3, '530800');
INSERT INTO public.regions VALUES ('530824', '景谷傣族彝族自治县', 3, '530800');
INSERT INTO public.regions VALUES ('530825', '镇沅彝族哈尼族拉祜族自治县', 3, '530800');
INSERT INTO public.regions VALUES ('530826', '江城哈尼族彝族自治县', 3, '530800');
INSERT INTO public.regions VALUES ('530827', '孟连傣族拉祜族佤族自治县', 3, '530800');
INSERT INTO public.regions VALUES ('530828', '澜沧拉祜族自治县', 3, '530800');
INSERT INTO public.regions VALUES ('530829', '西盟佤族自治县', 3, '530800');
INSERT INTO public.regions VALUES ('530902', '临翔区', 3, '530900');
INSERT INTO public.regions VALUES ('530921', '凤庆县', 3, '530900');
INSERT INTO public.regions VALUES ('530922', '云县', 3, '530900');
INSERT INTO public.regions VALUES ('530923', '永德县', 3, '530900');
INSERT INTO public.regions VALUES ('530924', '镇康县', 3, '530900');
INSERT INTO public.regions VALUES ('530925', '双江拉祜族佤族布朗族傣族自治县', 3, '530900');
INSERT INTO public.regions VALUES ('530926', '耿马傣族佤族自治县', 3, '530900');
INSERT INTO public.regions VALUES ('530927', '沧源佤族自治县', 3, '530900');
INSERT INTO public.regions VALUES ('532301', '楚雄市', 3, '532300');
INSERT INTO public.regions VALUES ('532302', '禄丰市', 3, '532300');
INSERT INTO public.regions VALUES ('532322', '双柏县', 3, '532300');
INSERT INTO public.regions VALUES ('532323', '牟定县', 3, '532300');
INSERT INTO public.regions VALUES ('532324', '南华县', 3, '532300');
INSERT INTO public.regions VALUES ('532325', '姚安县', 3, '532300');
INSERT INTO public.regions VALUES ('532326', '大姚县', 3, '532300');
INSERT INTO public.regions VALUES ('532327', '永仁县', 3, '532300');
INSERT INTO public.regions VALUES ('532328', '元谋县', 3, '532300');
INSERT INTO public.regions VALUES ('532329', '武定县', 3, '532300');
INSERT INTO public.regions VALUES ('532501', '个旧市', 3, '532500');
INSERT INTO public.regions VALUES ('532502', '开远市', 3, '532500');
INSERT INTO public.regions VALUES ('532503', '蒙自市', 3, '532500');
INSERT INTO public.regions VALUES ('532504', '弥勒市', 3, '532500');
INSERT INTO public.regions VALUES ('532523', '屏边苗族自治县', 3, '532500');
INSERT INTO public.regions VALUES ('532524', '建水县', 3, '532500');
INSERT INTO public.regions VALUES ('532525', '石屏县', 3, '532500');
INSERT INTO public.regions VALUES ('532527', '泸西县', 3, '532500');
INSERT INTO public.regions VALUES ('532528', '元阳县', 3, '532500');
INSERT INTO public.regions VALUES ('532529', '红河县', 3, '532500');
INSERT INTO public.regions VALUES ('532530', '金平苗族瑶族傣族自治县', 3, '532500');
INSERT INTO public.regions VALUES ('532531', '绿春县', 3, '532500');
INSERT INTO public.regions VALUES ('532532', '河口瑶族自治县', 3, '532500');
INSERT INTO public.regions VALUES ('532601', '文山市', 3, '532600');
INSERT INTO public.regions VALUES ('532622', '砚山县', 3, '532600');
INSERT INTO public.regions VALUES ('532623', '西畴县', 3, '532600');
INSERT INTO public.regions VALUES ('532624', '麻栗坡县', 3, '532600');
INSERT INTO public.regions VALUES ('532625', '马关县', 3, '532600');
INSERT INTO public.regions VALUES ('532626', '丘北县', 3, '532600');
INSERT INTO public.regions VALUES ('532627', '广南县', 3, '532600');
INSERT INTO public.regions VALUES ('532628', '富宁县', 3, '532600');
INSERT INTO public.regions VALUES ('532801', '景洪市', 3, '532800');
INSERT INTO public.regions VALUES ('532822', '勐海县', 3, '532800');
INSERT INTO public.regions VALUES ('532823', '勐腊县', 3, '532800');
INSERT INTO public.regions VALUES ('532901', '大理市', 3, '532900');
INSERT INTO public.regions VALUES ('532922', '漾濞彝族自治县', 3, '532900');
INSERT INTO public.regions VALUES ('532923', '祥云县', 3, '532900');
INSERT INTO public.regions VALUES ('532924', '宾川县', 3, '532900');
INSERT INTO public.regions VALUES ('532925', '弥渡县', 3, '532900');
INSERT INTO public.regions VALUES ('532926', '南涧彝族自治县', 3, '532900');
INSERT INTO public.regions VALUES ('532927', '巍山彝族回族自治县', 3, '532900');
INSERT INTO public.regions VALUES ('532928', '永平县', 3, '532900');
INSERT INTO public.regions VALUES ('532929', '云龙县', 3, '532900');
INSERT INTO public.regions VALUES ('532930', '洱源县', 3, '532900');
INSERT INTO public.regions VALUES ('532931', '剑川县', 3, '532900');
INSERT INTO public.regions VALUES ('532932', '鹤庆县', 3, '532900');
INSERT INTO public.regions VALUES ('533102', '瑞丽市', 3, '533100');
INSERT INTO public.regions VALUES ('533103', '芒市', 3, '533100');
INSERT INTO public.regions VALUES ('533122', '梁河县', 3, '533100');
INSERT INTO public.regions VALUES ('533123', '盈江县', 3, '533100');
INSERT INTO public.regions VALUES ('533124', '陇川县', 3, '533100');
INSERT INTO public.regions VALUES ('533301', '泸水市', 3, '533300');
INSERT INTO public.regions VALUES ('533323', '福贡县', 3, '533300');
INSERT INTO public.regions VALUES ('533324', '贡山独龙族怒族自治县', 3, '533300');
INSERT INTO public.regions VALUES ('533325', '兰坪白族普米族自治县', 3, '533300');
INSERT INTO public.regions VALUES ('533401', '香格里拉市', 3, '533400');
INSERT INTO public.regions VALUES ('533422', '德钦县', 3, '533400');
INSERT INTO public.regions VALUES ('533423', '维西傈僳族自治县', 3, '533400');
INSERT INTO public.regions VALUES ('540102', '城关区', 3, '540100');
INSERT INTO public.regions VALUES ('540103', '堆龙德庆区', 3, '540100');
INSERT INTO public.regions VALUES ('540104', '达孜区', 3, '540100');
INSERT INTO public.regions VALUES ('540121', '林周县', 3, '540100');
INSERT INTO public.regions VALUES ('540122', '当雄县', 3, '540100');
INSERT INTO public.regions VALUES ('540123', '尼木县', 3, '540100');
INSERT INTO public.regions VALUES ('540124', '曲水县', 3, '540100');
INSERT INTO public.regions VALUES ('540127', '墨竹工卡县', 3, '540100');
INSERT INTO public.regions VALUES ('540171', '格尔木藏青工业园区', 3, '540100');
INSERT INTO public.regions VALUES ('540172', '拉萨经济技术开发区', 3, '540100');
INSERT INTO public.regions VALUES ('540173', '西藏文化旅游创意园区', 3, '540100');
INSERT INTO public.regions VALUES ('540174', '达孜工业园区', 3, '540100');
INSERT INTO public.regions VALUES ('540202', '桑珠孜区', 3, '540200');
INSERT INTO public.regions VALUES ('540221', '南木林县', 3, '540200');
INSERT INTO public.regions VALUES ('540222', '江孜县', 3, '540200');
INSERT INTO public.regions VALUES ('540223', '定日县', 3, '540200');
INSERT INTO public.regions VALUES ('540224', '萨迦县', 3, '540200');
INSERT INTO public.regions VALUES ('540225', '拉孜县', 3, '540200');
INSERT INTO public.regions VALUES ('540226', '昂仁县', 3, '540200');
INSERT INTO public.regions VALUES ('540227', '谢通门县', 3, '540200');
INSERT INTO public.regions VALUES ('540228', '白朗县', 3, '540200');
INSERT INTO public.regions VALUES ('540229', '仁布县', 3, '540200');
INSERT INTO public.regions VALUES ('540230', '康马县', 3, '540200');
INSERT INTO public.regions VALUES ('540231', '定结县', 3, '540200');
INSERT INTO public.regions VALUES ('540232', '仲巴县', 3, '540200');
INSERT INTO public.regions VALUES ('540233', '亚东县', 3, '540200');
INSERT INTO public.regions VALUES ('540234', '吉隆县', 3, '540200');
INSERT INTO public.regions VALUES ('540235', '聂拉木县', 3, '540200');
INSERT INTO public.regions VALUES ('540236', '萨嘎县', 3, '540200');
INSERT INTO public.regions VALUES ('540237', '岗巴县', 3, '540200');
INSERT INTO public.regions VALUES ('540302', '卡若区', 3, '540300');
INSERT INTO public.regions VALUES ('540321', '江达县', 3, '540300');
INSERT INTO public.regions VALUES ('540322', '贡觉县', 3, '540300');
INSERT INTO public.regions VALUES ('540323', '类乌齐县', 3, '540300');
INSERT INTO public.regions VALUES ('540324', '丁青县', 3, '540300');
INSERT INTO public.regions VALUES ('540325', '察雅县', 3, '540300');
INSERT INTO public.regions VALUES ('540326', '八宿县', 3, '540300');
INSERT INTO public.regions VALUES ('540327', '左贡县', 3, '540300');
INSERT INTO public.regions VALUES ('540328', '芒康县', 3, '540300');
INSERT INTO public.regions VALUES ('540329', '洛隆县', 3, '540300');
INSERT INTO public.regions VALUES ('540330', '边坝县', 3, '540300');
INSERT INTO public.regions VALUES ('540402', '巴宜区', 3, '540400');
INSERT INTO public.regions VALUES ('540421', '工布江达县', 3, '540400');
INSERT INTO public.regions VALUES ('540423', '墨脱县', 3, '540400');
INSERT INTO public.regions VALUES ('540424', '波密县', 3, '540400');
INSERT INTO public.regions VALUES ('540425', '察隅县', 3, '540400');
INSERT INTO public.regions VALUES ('540426', '朗县', 3, '540400');
INSERT INTO public.regions VALUES ('540481', '米林市', 3, '540400');
INSERT INTO public.regions VALUES ('540502', '乃东区', 3, '540500');
INSERT INTO public.regions VALUES ('540521', '扎囊县', 3, '540500');
INSERT INTO public.regions VALUES ('540522', '贡嘎县', 3, '540500');
INSERT INTO public.regions VALUES ('540523', '桑日县', 3, '540500');
INSERT INTO public.regions VALUES ('540524', '琼结县', 3, '540500');
INSERT INTO public.regions VALUES ('540525', '曲松县', 3, '540500');
INSERT INTO public.regions VALUES ('540526', '措美县', 3, '540500');
INSERT INTO public.regions VALUES ('540527', '洛扎县', 3, '540500');
INSERT INTO public.regions VALUES ('540528', '加查县', 3, '540500');
INSERT INTO public.regions VALUES ('540529', '隆子县', 3, '540500');
INSERT INTO public.regions VALUES ('540531', '浪卡子县', 3, '540500');
INSERT INTO public.regions VALUES ('540581', '错那市', 3, '540500');
INSERT INTO public.regions VALUES ('540602', '色尼区', 3, '540600');
INSERT INTO public.regions VALUES ('540621', '嘉黎县', 3, '540600');
INSERT INTO public.regions VALUES ('540622', '比如县', 3, '540600');
INSERT INTO public.regions VALUES ('540623', '聂荣县', 3, '540600');
INSERT INTO public.regions VALUES ('540624', '安多县', 3, '540600');
INSERT INTO public.regions VALUES ('540625', '申扎县', 3, '540600');
INSERT INTO public.regions VALUES ('540626', '索县', 3, '540600');
INSERT INTO public.regions VALUES ('540627', '班戈县', 3, '540600');
INSERT INTO public.regions VALUES ('540628', '巴青县', 3, '540600');
INSERT INTO public.regions VALUES ('540629', '尼玛县', 3, '540600');
INSERT INTO public.regions VALUES ('540630', '双湖县', 3, '540600');
INSERT INTO public.regions VALUES ('542521', '普兰县', 3, '542500');
INSERT INTO public.regions VALUES ('542522', '札达县', 3, '542500');
INSERT INTO public.regions VALUES ('542523', '噶尔县', 3, '542500');
INSERT INTO public.regions VALUES ('542524', '日土县', 3, '542500');
INSERT INTO public.regions VALUES ('542525', '革吉县', 3, '542500');
INSERT INTO public.regions VALUES ('542526', '改则县', 3, '542500');
INSERT INTO public.regions VALUES ('542527', '措勤县', 3, '542500');
INSERT INTO public.regions VALUES ('610102', '新城区', 3, '610100');
INSERT INTO public.regions VALUES ('610103', '碑林区', 3, '610100');
INSERT INTO public.regions VALUES ('610104', '莲湖区', 3, '610100');
INSERT INTO public.regions VALUES ('610111', '灞桥区', 3, '610100');
INSERT INTO public.regions VALUES ('610112', '未央区', 3, '610100');
INSERT INTO public.regions VALUES ('610113', '雁塔区', 3, '610100');
INSERT INTO public.regions VALUES ('610114', '阎良区', 3, '610100');
INSERT INTO public.regions VALUES ('610115', '临潼区', 3, '610100');
INSERT INTO public.regions VALUES ('610116', '长安区', 3, '610100');
INSERT INTO public.regions VALUES ('610117', '高陵区', 3, '610100');
INSERT INTO public.regions VALUES ('610118', '鄠邑区', 3, '610100');
INSERT INTO public.regions VALUES ('610122', '蓝田县', 3, '610100');
INSERT INTO public.regions VALUES ('610124', '周至县', 3, '610100');
INSERT INTO public.regions VALUES ('610202', '王益区', 3, '610200');
INSERT INTO public.regions VALUES ('610203', '印台区', 3, '610200');
INSERT INTO public.regions VALUES ('610204', '耀州区', 3, '610200');
INSERT INTO public.regions VALUES ('610222', '宜君县', 3, '610200');
INSERT INTO public.regions VALUES ('610302', '渭滨区', 3, '610300');
INSERT INTO public.regions VALUES ('610303', '金台区', 3, '610300');
INSERT INTO public.regions VALUES ('610304', '陈仓区', 3, '610300');
INSERT INTO public.regions VALUES ('610305', '凤翔区', 3, '610300');
INSERT INTO public.regions VALUES ('610323', '岐山县', 3, '610300');
INSERT INTO public.regions VALUES ('610324', '扶风县', 3, '610300');
INSERT INTO public.regions VALUES ('610326', '眉县', 3, '610300');
INSERT INTO public.regions VALUES ('610327', '陇县', 3, '610300');
INSERT INTO public.regions VALUES ('610328', '千阳县', 3, '610300');
INSERT INTO public.regions VALUES ('610329', '麟游县', 3, '610300');
INSERT INTO public.regions VALUES ('610330', '凤县', 3, '610300');
INSERT INTO public.regions VALUES ('610331', '太白县', 3, '610300');
INSERT INTO public.regions VALUES ('610402', '秦都区', 3, '610400');
INSERT INTO public.regions VALUES ('610403', '杨陵区', 3, '610400');
INSERT INTO public.regions VALUES ('610404', '渭城区', 3, '610400');
INSERT INTO public.regions VALUES ('610422', '三原县', 3, '610400');
INSERT INTO public.regions VALUES ('610423', '泾阳县', 3, '610400');
INSERT INTO public.regions VALUES ('610424', '乾县', 3, '610400');
INSERT INTO public.regions VALUES ('610425', '礼泉县', 3, '610400');
INSERT INTO public.regions VALUES ('610426', '永寿县', 3, '610400');
INSERT INTO public.regions VALUES ('610428', '长武县', 3, '610400');
INSERT INTO public.regions VALUES ('610429', '旬邑县', 3, '610400');
INSERT INTO public.regions VALUES ('610430', '淳化县', 3, '610400');
INSERT INTO public.regions VALUES ('610431', '武功县', 3, '610400');
INSERT INTO public.regions VALUES ('610481', '兴平市', 3, '610400');
INSERT INTO public.regions VALUES ('610482', '彬州市', 3, '610400');
INSERT INTO public.regions VALUES ('610502', '临渭区', 3, '610500');
INSERT INTO public.regions VALUES ('610503', '华州区', 3, '610500');
INSERT INTO public.regions VALUES ('610522', '潼关县', 3, '610500');
INSERT INTO public.regions VALUES ('610523', '大荔县', 3, '610500');
INSERT INTO public.regions VALUES ('610524', '合阳县', 3, '610500');
INSERT INTO public.regions VALUES ('610525', '澄城县', 3, '610500');
INSERT INTO public.regions VALUES ('610526', '蒲城县', 3, '610500');
INSERT INTO public.regions VALUES ('610527', '白水县', 3, '610500');
INSERT INTO public.regions VALUES ('610528', '富平县', 3, '610500');
INSERT INTO public.regions VALUES ('610581', '韩城市', 3, '610500');
INSERT INTO public.regions VALUES ('610582', '华阴市', 3, '610500');
INSERT INTO public.regions VALUES ('610602', '宝塔区', 3, '610600');
INSERT INTO public.regions VALUES ('610603', '安塞区', 3, '610600');
INSERT INTO public.regions VALUES ('610621', '延长县', 3, '610600');
INSERT INTO public.regions VALUES ('610622', '延川县', 3, '610600');
INSERT INTO public.regions VALUES ('610625', '志丹县', 3, '610600');
INSERT INTO public.regions VALUES ('610626', '吴起县', 3, '610600');
INSERT INTO public.regions VALUES ('610627', '甘泉县', 3, '610600');
INSERT INTO public.regions VALUES ('610628', '富县', 3, '610600');
INSERT INTO public.regions VALUES ('610629', '洛川县', 3, '610600');
INSERT INTO public.regions VALUES ('610630', '宜川县', 3, '610600');
INSERT INTO public.regions VALUES ('610631', '黄龙县', 3, '610600');
INSERT INTO public.regions VALUES ('610632', '黄陵县', 3, '610600');
INSERT INTO public.regions VALUES ('610681', '子长市', 3, '610600');
INSERT INTO public.regions VALUES ('610702', '汉台区', 3, '610700');
INSERT INTO public.regions VALUES ('610703', '南郑区', 3, '610700');
INSERT INTO public.regions VALUES ('610722', '城固县', 3, '610700');
INSERT INTO public.regions VALUES ('610723', '洋县', 3, '610700');
INSERT INTO public.regions VALUES ('610724', '西乡县', 3, '610700');
INSERT INTO public.regions VALUES ('610725', '勉县', 3, '610700');
INSERT INTO public.regions VALUES ('610726', '宁强县', 3, '610700');
INSERT INTO public.regions VALUES ('610727', '略阳县', 3, '610700');
INSERT INTO public.regions VALUES ('610728', '镇巴县', 3, '610700');
INSERT INTO public.regions VALUES ('610729', '留坝县', 3, '610700');
INSERT INTO public.regions VALUES ('610730', '佛坪县', 3, '610700');
INSERT INTO public.regions VALUES ('610802', '榆阳区', 3, '610800');
INSERT INTO public.regions VALUES ('610803', '横山区', 3, '610800');
INSERT INTO public.regions VALUES ('610822', '府谷县', 3, '610800');
INSERT INTO public.regions VALUES ('610824', '靖边县', 3, '610800');
INSERT INTO public.regions VALUES ('610825', '定边县', 3, '610800');
INSERT INTO public.regions VALUES ('610826', '绥德县', 3, '610800');
INSERT INTO public.regions VALUES ('610827', '米脂县', 3, '610800');
INSERT INTO public.regions VALUES ('610828', '佳县', 3, '610800');
INSERT INTO public.regions VALUES ('610829', '吴堡县', 3, '610800');
INSERT INTO public.regions VALUES ('610830', '清涧县', 3, '610800');
INSERT INTO public.regions VALUES ('610831', '子洲县', 3, '610800');
INSERT INTO public.regions VALUES ('610881', '神木市', 3, '610800');
INSERT INTO public.regions VALUES ('610902', '汉滨区', 3, '610900');
INSERT INTO public.regions VALUES ('610921', '汉阴县', 3, '610900');
INSERT INTO public.regions VALUES ('610922', '石泉县', 3, '610900');
INSERT INTO public.regions VALUES ('610923', '宁陕县', 3, '610900');
INSERT INTO public.regions VALUES ('610924', '紫阳县', 3, '610900');
INSERT INTO public.regions VALUES ('610925', '岚皋县', 3, '610900');
INSERT INTO public.regions VALUES ('610926', '平利县', 3, '610900');
INSERT INTO public.regions VALUES ('610927', '镇坪县', 3, '610900');
INSERT INTO public.regions VALUES ('610929', '白河县', 3, '610900');
INSERT INTO public.regions VALUES ('610981', '旬阳市', 3, '610900');
INSERT INTO public.regions VALUES ('611002', '商州区', 3, '611000');
INSERT INTO public.regions VALUES ('611021', '洛南县', 3, '611000');
INSERT INTO public.regions VALUES ('611022', '丹凤县', 3, '611000');
INSERT INTO public.regions VALUES ('611023', '商南县', 3, '611000');
INSERT INTO public.regions VALUES ('611024', '山阳县', 3, '611000');
INSERT INTO public.regions VALUES ('611025', '镇安县', 3, '611000');
INSERT INTO public.regions VALUES ('611026', '柞水县', 3, '611000');
INSERT INTO public.regions VALUES ('620102', '城关区', 3, '620100');
INSERT INTO public.regions VALUES ('620103', '七里河区', 3, '620100');
INSERT INTO public.regions VALUES ('620104', '西固区', 3, '620100');
INSERT INTO public.regions VALUES ('620105', '安宁区', 3, '620100');
INSERT INTO public.regions VALUES ('620111', '红古区', 3, '620100');
INSERT INTO public.regions VALUES ('620121', '永登县', 3, '620100');
INSERT INTO public.regions VALUES ('620122', '皋兰县', 3, '620100');
INSERT INTO public.regions VALUES ('620123', '榆中县', 3, '620100');
INSERT INTO public.regions VALUES ('620171', '兰州新区', 3, '620100');
INSERT INTO public.regions VALUES ('620201', '嘉峪关市', 3, '620200');
INSERT INTO public.regions VALUES ('620302', '金川区', 3, '620300');
INSERT INTO public.regions VALUES ('620321', '永昌县', 3, '620300');
INSERT INTO public.regions VALUES ('620402', '白银区', 3, '620400');
INSERT INTO public.regions VALUES ('620403', '平川区', 3, '620400');
INSERT INTO public.regions VALUES ('620421', '靖远县', 3, '620400');
INSERT INTO public.regions VALUES ('620422', '会宁县', 3, '620400');
INSERT INTO public.regions VALUES ('620423', '景泰县', 3, '620400');
INSERT INTO public.regions VALUES ('620502', '秦州区', 3, '620500');
INSERT INTO public.regions VALUES ('620503', '麦积区', 3, '620500');
INSERT INTO public.regions VALUES ('620521', '清水县', 3, '620500');
INSERT INTO public.regions VALUES ('620522', '秦安县', 3, '620500');
INSERT INTO public.regions VALUES ('620523', '甘谷县', 3, '620500');
INSERT INTO public.regions VALUES ('620524', '武山县', 3, '620500');
INSERT INTO public.regions VALUES ('620525', '张家川回族自治县', 3, '620500');
INSERT INTO public.regions VALUES ('620602', '凉州区', 3, '620600');
INSERT INTO public.regions VALUES ('620621', '民勤县', 3, '620600');
INSERT INTO public.regions VALUES ('620622', '古浪县', 3, '620600');
INSERT INTO public.regions VALUES ('620623', '天祝藏族自治县', 3, '620600');
INSERT INTO public.regions VALUES ('620702', '甘州区', 3, '620700');
INSERT INTO public.regions VALUES ('620721', '肃南裕固族自治县', 3, '620700');
INSERT INTO public.regions VALUES ('620722', '民乐县', 3, '620700');
INSERT INTO public.regions VALUES ('620723', '临泽县', 3, '620700');
INSERT INTO public.regions VALUES ('620724', '高台县', 3, '620700');
INSERT INTO public.regions VALUES ('620725', '山丹县', 3, '620700');
INSERT INTO public.regions VALUES ('620802', '崆峒区', 3, '620800');
INSERT INTO public.regions VALUES ('620821', '泾川县', 3, '620800');
INSERT INTO public.regions VALUES ('620822', '灵台县', 3, '620800');
INSERT INTO public.regions VALUES ('620823', '崇信县', 3, '620800');
INSERT INTO public.regions VALUES ('620825', '庄浪县', 3, '620800');
INSERT INTO public.regions VALUES ('620826', '静宁县', 3, '620800');
INSERT INTO public.regions VALUES ('620881', '华亭市', 3, '620800');
INSERT INTO public.regions VALUES ('620902', '肃州区', 3, '620900');
INSERT INTO public.regions VALUES ('620921', '金塔县', 3, '620900');
INSERT INTO public.regions VALUES ('620922', '瓜州县', 3, '620900');
INSERT INTO public.regions VALUES ('620923', '肃北蒙古族自治县', 3, '620900');
INSERT INTO public.regions VALUES ('620924', '阿克塞哈萨克族自治县', 3, '620900');
INSERT INTO public.regions VALUES ('620981', '玉门市', 3, '620900');
INSERT INTO public.regions VALUES ('620982', '敦煌市', 3, '620900');
INSERT INTO public.regions VALUES ('621002', '西峰区', 3, '621000');
INSERT INTO public.regions VALUES ('621021', '庆城县', 3, '621000');
INSERT INTO public.regions VALUES ('621022', '环县', 3, '621000');
INSERT INTO public.regions VALUES ('621023', '华池县', 3, '621000');
INSERT INTO public.regions VALUES ('621024', '合水县', 3, '621000');
INSERT INTO public.regions VALUES ('621025', '正宁县', 3, '621000');
INSERT INTO public.regions VALUES ('621026', '宁县', 3, '621000');
INSERT INTO public.regions VALUES ('621027', '镇原县', 3, '621000');
INSERT INTO public.regions VALUES ('621102', '安定区', 3, '621100');
INSERT INTO public.regions VALUES ('621121', '通渭县', 3, '621100');
INSERT INTO public.regions VALUES ('621122', '陇西县', 3, '621100');
INSERT INTO public.regions VALUES ('621123', '渭源县', 3, '621100');
INSERT INTO public.regions VALUES ('621124', '临洮县', 3, '621100');
INSERT INTO public.regions VALUES ('621125', '漳县', 3, '621100');
INSERT INTO public.regions VALUES ('621126', '岷县', 3, '621100');
INSERT INTO public.regions VALUES ('621202', '武都区', 3, '621200');
INSERT INTO public.regions VALUES ('621221', '成县', 3, '621200');
INSERT INTO public.regions VALUES ('621222', '文县', 3, '621200');
INSERT INTO public.regions VALUES ('621223', '宕昌县', 3, '621200');
INSERT INTO public.regions VALUES ('621224', '康县', 3, '621200');
INSERT INTO public.regions VALUES ('621225', '西和县', 3, '621200');
INSERT INTO public.regions VALUES ('621226', '礼县', 3, '621200');
INSERT INTO public.regions VALUES ('621227', '徽县', 3, '621200');
INSERT INTO public.regions VALUES ('621228', '两当县', 3, '621200');
INSERT INTO public.regions VALUES ('622901', '临夏市', 3, '622900');
INSERT INTO public.regions VALUES ('622921', '临夏县', 3, '622900');
INSERT INTO public.regions VALUES ('622922', '康乐县', 3, '622900');
INSERT INTO public.regions VALUES ('622923', '永靖县', 3, '622900');
INSERT INTO public.regions VALUES ('622924', '广河县', 3, '622900');
INSERT INTO public.regions VALUES ('622925', '和政县', 3, '622900');
INSERT INTO public.regions VALUES ('622926', '东乡族自治县', 3, '622900');
INSERT INTO public.regions VALUES ('622927', '积石山保安族东乡族撒拉族自治县', 3, '622900');
INSERT INTO public.regions VALUES ('623001', '合作市', 3, '623000');
INSERT INTO public.regions VALUES ('623021', '临潭县', 3, '623000');
INSERT INTO public.regions VALUES ('623022', '卓尼县', 3, '623000');
INSERT INTO public.regions VALUES ('623023', '舟曲县', 3, '623000');
INSERT INTO public.regions VALUES ('623024', '迭部县', 3, '623000');
INSERT INTO public.regions VALUES ('623025', '玛曲县', 3, '623000');
INSERT INTO public.regions VALUES ('623026', '碌曲县', 3, '623000');
INSERT INTO public.regions VALUES ('623027', '夏河县', 3, '623000');
INSERT INTO public.regions VALUES ('630102', '城东区', 3, '630100');
INSERT INTO public.regions VALUES ('630103', '城中区', 3, '630100');
INSERT INTO public.regions VALUES ('630104', '城西区', 3, '630100');
INSERT INTO public.regions VALUES ('630105', '城北区', 3, '630100');
INSERT INTO public.regions VALUES ('630106', '湟中区', 3, '630100');
INSERT INTO public.regions VALUES ('630121', '大通回族土族自治县', 3, '630100');
INSERT INTO public.regions VALUES ('630123', '湟源县', 3, '630100');
INSERT INTO public.regions VALUES ('630202', '乐都区', 3, '630200');
INSERT INTO public.regions VALUES ('630203', '平安区', 3, '630200');
INSERT INTO public.regions VALUES ('630222', '民和回族土族自治县', 3, '630200');
INSERT INTO public.regions VALUES ('630223', '互助土族自治县', 3, '630200');
INSERT INTO public.regions VALUES ('630224', '化隆回族自治县', 3, '630200');
INSERT INTO public.regions VALUES ('630225', '循化撒拉族自治县', 3, '630200');
INSERT INTO public.regions VALUES ('632221', '门源回族自治县', 3, '632200');
INSERT INTO public.regions VALUES ('632222', '祁连县', 3, '632200');
INSERT INTO public.regions VALUES ('632223', '海晏县', 3, '632200');
INSERT INTO public.regions VALUES ('632224', '刚察县', 3, '632200');
INSERT INTO public.regions VALUES ('632301', '同仁市', 3, '632300');
INSERT INTO public.regions VALUES ('632322', '尖扎县', 3, '632300');
INSERT INTO public.regions VALUES ('632323', '泽库县', 3, '632300');
INSERT INTO public.regions VALUES ('632324', '河南蒙古族自治县', 3, '632300');
INSERT INTO public.regions VALUES ('632521', '共和县', 3, '632500');
INSERT INTO public.regions VALUES ('632522', '同德县', 3, '632500');
INSERT INTO public.regions VALUES ('632523', '贵德县', 3, '632500');
INSERT INTO public.regions VALUES ('632524', '兴海县', 3, '632500');
INSERT INTO public.regions VALUES ('632525', '贵南县', 3, '632500');
INSERT INTO public.regions VALUES ('632621', '玛沁县', 3, '632600');
INSERT INTO public.regions VALUES ('632622', '班玛县', 3, '632600');
INSERT INTO public.regions VALUES ('632623', '甘德县', 3, '632600');
INSERT INTO public.regions VALUES ('632624', '达日县', 3, '632600');
INSERT INTO public.regions VALUES ('632625', '久治县', 3, '632600');
INSERT INTO public.regions VALUES ('632626', '玛多县', 3, '632600');
INSERT INTO public.regions VALUES ('632701', '玉树市', 3, '632700');
INSERT INTO public.regions VALUES ('632722', '杂多县', 3, '632700');
INSERT INTO public.regions VALUES ('632723', '称多县', 3, '632700');
INSERT INTO public.regions VALUES ('632724', '治多县', 3, '632700');
INSERT INTO public.regions VALUES ('632725', '囊谦县', 3, '632700');
INSERT INTO public.regions VALUES ('632726', '曲麻莱县', 3, '632700');
INSERT INTO public.regions VALUES ('632801', '格尔木市', 3, '632800');
INSERT INTO public.regions VALUES ('632802', '德令哈市', 3, '632800');
INSERT INTO public.regions VALUES ('632803', '茫崖市', 3, '632800');
INSERT INTO public.regions VALUES ('632821', '乌兰县', 3, '632800');
INSERT INTO public.regions VALUES ('632822', '都兰县', 3, '632800');
INSERT INTO public.regions VALUES ('632823', '天峻县', 3, '632800');
INSERT INTO public.regions VALUES ('632857', '大柴旦行政委员会', 3, '632800');
INSERT INTO public.regions VALUES ('640104', '兴庆区', 3, '640100');
INSERT INTO public.regions VALUES ('640105', '西夏区', 3, '640100');
INSERT INTO public.regions VALUES ('640106', '金凤区', 3, '640100');
INSERT INTO public.regions VALUES ('640121', '永宁县', 3, '640100');
INSERT INTO public.regions VALUES ('640122', '贺兰县', 3, '640100');
INSERT INTO public.regions VALUES ('640181', '灵武市', 3, '640100');
INSERT INTO public.regions VALUES ('640202', '大武口区', 3, '640200');
INSERT INTO public.regions VALUES ('640205', '惠农区', 3, '640200');
INSERT INTO public.regions VALUES ('640221', '平罗县', 3, '640200');
INSERT INTO public.regions VALUES ('640302', '利通区', 3, '640300');
INSERT INTO public.regions VALUES ('640303', '红寺堡区', 3, '640300');
INSERT INTO public.regions VALUES ('640323', '盐池县', 3, '640300');
INSERT INTO public.regions VALUES ('640324', '同心县', 3, '640300');
INSERT INTO public.regions VALUES ('640381', '青铜峡市', 3, '640300');
INSERT INTO public.regions VALUES ('640402', '原州区', 3, '640400');
INSERT INTO public.regions VALUES ('640422', '西吉县', 3, '640400');
INSERT INTO public.regions VALUES ('640423', '隆德县', 3, '640400');
INSERT INTO public.regions VALUES ('640424', '泾源县', 3, '640400');
INSERT INTO public.regions VALUES ('640425', '彭阳县', 3, '640400');
INSERT INTO public.regions VALUES ('640502', '沙坡头区', 3, '640500');
INSERT INTO public.regions VALUES ('640521', '中宁县', 3, '640500');
INSERT INTO public.regions VALUES ('640522', '海原县', 3, '640500');
INSERT INTO public.regions VALUES ('650102', '天山区', 3, '650100');
INSERT INTO public.regions VALUES ('650103', '沙依巴克区', 3, '650100');
INSERT INTO public.regions VALUES ('650104', '新市区', 3, '650100');
INSERT INTO public.regions VALUES ('650105', '水磨沟区', 3, '650100');
INSERT INTO public.regions VALUES ('650106', '头屯河区', 3, '650100');
INSERT INTO public.regions VALUES ('650107', '达坂城区', 3, '650100');
INSERT INTO public.regions VALUES ('650109', '米东区', 3, '650100');
INSERT INTO public.regions VALUES ('650121', '乌鲁木齐县', 3, '650100');
INSERT INTO public.regions VALUES ('650202', '独山子区', 3, '650200');
INSERT INTO public.regions VALUES ('650203', '克拉玛依区', 3, '650200');
INSERT INTO public.regions VALUES ('650204', '白碱滩区', 3, '650200');
INSERT INTO public.regions VALUES ('650205', '乌尔禾区', 3, '650200');
INSERT INTO public.regions VALUES ('650402', '高昌区', 3, '650400');
INSERT INTO public.regions VALUES ('650421', '鄯善县', 3, '650400');
INSERT INTO public.regions VALUES ('650422', '托克逊县', 3, '650400');
INSERT INTO public.regions VALUES ('650502', '伊州区', 3, '650500');
INSERT INTO public.regions VALUES ('650521', '巴里坤哈萨克自治县', 3, '650500');
INSERT INTO public.regions VALUES ('650522', '伊吾县', 3, '650500');
INSERT INTO public.regions VALUES ('652301', '昌吉市', 3, '652300');
INSERT INTO public.regions VALUES ('652302', '阜康市', 3, '652300');
INSERT INTO public.regions VALUES ('652323', '呼图壁县', 3, '652300');
INSERT INTO public.regions VALUES ('652324', '玛纳斯县', 3, '652300');
INSERT INTO public.regions VALUES ('652325', '奇台县', 3, '652300');
INSERT INTO public.regions VALUES ('652327', '吉木萨尔县', 3, '652300');
INSERT INTO public.regions VALUES ('652328', '木垒哈萨克自治县', 3, '652300');
INSERT INTO public.regions VALUES ('652701', '博乐市', 3, '652700');
INSERT INTO public.regions VALUES ('652702', '阿拉山口市', 3, '652700');
INSERT INTO public.regions VALUES ('652722', '精河县', 3, '652700');
INSERT INTO public.regions VALUES ('652723', '温泉县', 3, '652700');
INSERT INTO public.regions VALUES ('652801', '库尔勒市', 3, '652800');
INSERT INTO public.regions VALUES ('652822', '轮台县', 3, '652800');
INSERT INTO public.regions VALUES ('652823', '尉犁县', 3, '652800');
INSERT INTO public.regions VALUES ('652824', '若羌县', 3, '652800');
INSERT INTO public.regions VALUES ('652825', '且末县', 3, '652800');
INSERT INTO public.regions VALUES ('652826', '焉耆回族自治县', 3, '652800');
INSERT INTO public.regions VALUES ('652827', '和静县', 3, '652800');
INSERT INTO public.regions VALUES ('652828', '和硕县', 3, '652800');
INSERT INTO public.regions VALUES ('652829', '博湖县', 3, '652800');
INSERT INTO public.regions VALUES ('652901', '阿克苏市', 3, '652900');
INSERT INTO public.regions VALUES ('652902', '库车市', 3, '652900');
INSERT INTO public.regions VALUES ('652922', '温宿县', 3, '652900');
INSERT INTO public.regions VALUES ('652924', '沙雅县', 3, '652900');
INSERT INTO public.regions VALUES ('652925', '新和县', 3, '652900');
INSERT INTO public.regions VALUES ('652926', '拜城县', 3, '652900');
INSERT INTO public.regions VALUES ('652927', '乌什县', 3, '652900');
INSERT INTO public.regions VALUES ('652928', '阿瓦提县', 3, '652900');
INSERT INTO public.regions VALUES ('652929', '柯坪县', 3, '652900');
INSERT INTO public.regions VALUES ('653001', '阿图什市', 3, '653000');
INSERT INTO public.regions VALUES ('653022', '阿克陶县', 3, '653000');
INSERT INTO public.regions VALUES ('653023', '阿合奇县', 3, '653000');
INSERT INTO public.regions VALUES ('653024', '乌恰县', 3, '653000');
INSERT INTO public.regions VALUES ('653101', '喀什市', 3, '653100');
INSERT INTO public.regions VALUES ('653121', '疏附县', 3, '653100');
INSERT INTO public.regions VALUES ('653122', '疏勒县', 3, '653100');
INSERT INTO public.regions VALUES ('653123', '英吉沙县', 3, '653100');
INSERT INTO public.regions VALUES ('653124', '泽普县', 3, '653100');
INSERT INTO public.regions VALUES ('653125', '莎车县', 3, '653100');
INSERT INTO public.regions VALUES ('653126', '叶城县', 3, '653100');
INSERT INTO public.regions VALUES ('653127', '麦盖提县', 3, '653100');
INSERT INTO public.regions VALUES ('653128', '岳普湖县', 3, '653100');
INSERT INTO public.regions VALUES ('653129', '伽师县', 3, '653100');
INSERT INTO public.regions VALUES ('653130', '巴楚县', 3, '653100');
INSERT INTO public.regions VALUES ('653131', '塔什库尔干塔吉克自治县', 3, '653100');
INSERT INTO public.regions VALUES ('653201', '和田市', 3, '653200');
INSERT INTO public.regions VALUES ('653221', '和田县', 3, '653200');
INSERT INTO public.regions VALUES ('653222', '墨玉县', 3, '653200');
INSERT INTO public.regions VALUES ('653223', '皮山县', 3, '653200');
INSERT INTO public.regions VALUES ('653224', '洛浦县', 3, '653200');
INSERT INTO public.regions VALUES ('653225', '策勒县', 3, '653200');
INSERT INTO public.regions VALUES ('653226', '于田县', 3, '653200');
INSERT INTO public.regions VALUES ('653227', '民丰县', 3, '653200');
INSERT INTO public.regions VALUES ('654002', '伊宁市', 3, '654000');
INSERT INTO public.regions VALUES ('654003', '奎屯市', 3, '654000');
INSERT INTO public.regions VALUES ('654004', '霍尔果斯市', 3, '654000');
INSERT INTO public.regions VALUES ('654021', '伊宁县', 3, '654000');
INSERT INTO public.regions VALUES ('654022', '察布查尔锡伯自治县', 3, '654000');
INSERT INTO public.regions VALUES ('654023', '霍城县', 3, '654000');
INSERT INTO public.regions VALUES ('654024', '巩留县', 3, '654000');
INSERT INTO public.regions VALUES ('654025', '新源县', 3, '654000');
INSERT INTO public.regions VALUES ('654026', '昭苏县', 3, '654000');
INSERT INTO public.regions VALUES ('654027', '特克斯县', 3, '654000');
INSERT INTO public.regions VALUES ('654028', '尼勒克县', 3, '654000');
INSERT INTO public.regions VALUES ('654201', '塔城市', 3, '654200');
INSERT INTO public.regions VALUES ('654202', '乌苏市', 3, '654200');
INSERT INTO public.regions VALUES ('654203', '沙湾市', 3, '654200');
INSERT INTO public.regions VALUES ('654221', '额敏县', 3, '654200');
INSERT INTO public.regions VALUES ('654224', '托里县', 3, '654200');
INSERT INTO public.regions VALUES ('654225', '裕民县', 3, '654200');
INSERT INTO public.regions VALUES ('654226', '和布克赛尔蒙古自治县', 3, '654200');
INSERT INTO public.regions VALUES ('654301', '阿勒泰市', 3, '654300');
INSERT INTO public.regions VALUES ('654321', '布尔津县', 3, '654300');
INSERT INTO public.regions VALUES ('654322', '富蕴县', 3, '654300');
INSERT INTO public.regions VALUES ('654323', '福海县', 3, '654300');
INSERT INTO public.regions VALUES ('654324', '哈巴河县', 3, '654300');
INSERT INTO public.regions VALUES ('654325', '青河县', 3, '654300');
INSERT INTO public.regions VALUES ('654326', '吉木乃县', 3, '654300');
INSERT INTO public.regions VALUES ('659001', '石河子市', 3, '659000');
INSERT INTO public.regions VALUES ('659002', '阿拉尔市', 3, '659000');
INSERT INTO public.regions VALUES ('659003', '图木舒克市', 3, '659000');
INSERT INTO public.regions VALUES ('659004', '五家渠市', 3, '659000');
INSERT INTO public.regions VALUES ('659005', '北屯市', 3, '659000');
INSERT INTO public.regions VALUES ('659006', '铁门关市', 3, '659000');
INSERT INTO public.regions VALUES ('659007', '双河市', 3, '659000');
INSERT INTO public.regions VALUES ('659008', '可克达拉市', 3, '659000');
INSERT INTO public.regions VALUES ('659009', '昆玉市', 3, '659000');
INSERT INTO public.regions VALUES ('659010', '胡杨河市', 3, '659000');
INSERT INTO public.regions VALUES ('659011', '新星市', 3, '659000');
INSERT INTO public.regions VALUES ('659012', '白杨市', 3, '659000');


--
-- Data for Name: reviews; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.reviews VALUES (1, 3, 4, true, 5, '可复制推广', '典型案例汇编', '2026-12-01 21:36:55.176826', '2026-12-01 21:36:55.176044');
INSERT INTO public.reviews VALUES (2, 3, 3, true, 4, NULL, NULL, '2026-12-01 21:36:55.225219', '2026-12-01 21:36:55.224845');


--
-- Data for Name: tags; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.tags VALUES (1, '一网通办', 0);
INSERT INTO public.tags VALUES (2, '最多跑一次', 1);
INSERT INTO public.tags VALUES (3, '数字化改革', 2);
INSERT INTO public.tags VALUES (4, '证照分离', 3);
INSERT INTO public.tags VALUES (5, '告知承诺制', 4);
INSERT INTO public.tags VALUES (6, '容缺受理', 5);
INSERT INTO public.tags VALUES (7, '一件事一次办', 6);
INSERT INTO public.tags VALUES (8, '双随机一公开', 7);
INSERT INTO public.tags VALUES (9, '信用监管', 8);
INSERT INTO public.tags VALUES (10, '跨省通办', 9);
INSERT INTO public.tags VALUES (11, '免申即享', 10);
INSERT INTO public.tags VALUES (12, '帮办代办', 11);
INSERT INTO public.tags VALUES (13, '并联审批', 12);
INSERT INTO public.tags VALUES (14, '区块链', 13);
INSERT INTO public.tags VALUES (15, '电子证照', 14);
INSERT INTO public.tags VALUES (16, '智慧监管', 15);
INSERT INTO public.tags VALUES (17, '包容审慎监管', 16);
INSERT INTO public.tags VALUES (18, '减税降费', 17);
INSERT INTO public.tags VALUES (19, '惠企政策直达', 18);
INSERT INTO public.tags VALUES (20, '首问负责制', 19);
INSERT INTO public.tags VALUES (21, '联合验收', 20);
INSERT INTO public.tags VALUES (22, '多测合一', 21);
INSERT INTO public.tags VALUES (23, '标准地', 22);
INSERT INTO public.tags VALUES (24, '预审批', 23);
INSERT INTO public.tags VALUES (25, '全程网办', 24);
INSERT INTO public.tags VALUES (26, '企业破产府院联动', 25);
INSERT INTO public.tags VALUES (27, '知识产权质押融资', 26);
INSERT INTO public.tags VALUES (28, '跨境电商', 27);
INSERT INTO public.tags VALUES (29, '通关便利化', 28);
INSERT INTO public.tags VALUES (30, '政务服务增值化', 29);


--
-- Data for Name: themes; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.themes VALUES (1, '企业全生命周期', NULL, 0);
INSERT INTO public.themes VALUES (2, '开办企业', 1, 1);
INSERT INTO public.themes VALUES (3, '劳动力市场监管', 1, 2);
INSERT INTO public.themes VALUES (4, '办理建筑许可', 1, 3);
INSERT INTO public.themes VALUES (5, '政府采购', 1, 4);
INSERT INTO public.themes VALUES (6, '招标投标', 1, 5);
INSERT INTO public.themes VALUES (7, '获得电力', 1, 6);
INSERT INTO public.themes VALUES (8, '获得用水用气', 1, 7);
INSERT INTO public.themes VALUES (9, '登记财产', 1, 8);
INSERT INTO public.themes VALUES (10, '获得信贷', 1, 9);
INSERT INTO public.themes VALUES (11, '保护中小投资者', 1, 10);
INSERT INTO public.themes VALUES (12, '知识产权创造、保护和运用', 1, 11);
INSERT INTO public.themes VALUES (13, '跨境贸易', 1, 12);
INSERT INTO public.themes VALUES (14, '纳税', 1, 13);
INSERT INTO public.themes VALUES (15, '执行合同', 1, 14);
INSERT INTO public.themes VALUES (16, '办理破产', 1, 15);
INSERT INTO public.themes VALUES (17, '城市投资吸引力', NULL, 16);
INSERT INTO public.themes VALUES (18, '市场监管', 17, 17);
INSERT INTO public.themes VALUES (19, '政务服务', 17, 18);
INSERT INTO public.themes VALUES (20, '包容普惠创新', 17, 19);
INSERT INTO public.themes VALUES (21, '综合改革', NULL, 20);
INSERT INTO public.themes VALUES (22, '信用环境建设', 21, 21);
INSERT INTO public.themes VALUES (23, '法治保障', 21, 22);


--
-- Data for Name: units; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.units VALUES (1, '椒江区发展和改革局', '331002');
INSERT INTO public.units VALUES (2, '台州市营商办', '331000');
INSERT INTO public.units VALUES (3, '浙江省市场监督管理局', '330000');
INSERT INTO public.units VALUES (4, '浙江省营商办', '330000');


--
-- Data for Name: users; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.users VALUES (2, 'shenhe', 'shenhe', 'scrypt:32768:8:1$iVmO5YElXVXOInmA$d3de91cabb3b3e2253e2ede18e2e6b7ca474d8516efe6d04b9d7d5b2fd08cb6366452dff5e9a4f1f8b093d82f4d5efa6d018be503dc5b31c38c7235e14884d26', 'approver', 1, '331002', true, 0, NULL, '2026-12-01 21:36:54.76647');
INSERT INTO public.users VALUES (3, 'yingshangban', 'yingshangban', 'scrypt:32768:8:1$LSwUSkyLMhzILogz$a9cd60bd6079e93e53a21ea5f088b89af37da241feef1b4d03113e03a482e14782959dc506cc808b0e31a905ba6a41b2711c712ba1572f46bcc52d81394d175b', 'coordinator', 2, '331000', true, 0, NULL, '2026-12-01 21:36:54.897101');
INSERT INTO public.users VALUES (4, 'shengting', 'shengting', 'scrypt:32768:8:1$L4Uu4rT6NCYrTn47$eabce084ab8acd333468d3ef23cf8d38ca60ad1d89c82c59aa45895926b881c5b687b12746c0fd00da8b9a4aa199a278dda0c9cf990f236c8b76e00d71bae7fe', 'reviewer', 3, '330000', true, 0, NULL, '2026-12-01 21:36:55.030094');
INSERT INTO public.users VALUES (5, 'admin', 'admin', 'scrypt:32768:8:1$glu72XxY11hmCdXf$1004854f62eee7b0dc22bdcd20eb453e3a4743f177b4602584374752824d0188c13a83336d405d62f01a146d7c55dcf7cb6dbbe80748a6b80bb4cf1cb544abdc', 'admin', 4, '330000', true, 0, NULL, '2026-12-01 21:36:55.161824');
INSERT INTO public.users VALUES (1, 'tianbao', 'tianbao', 'scrypt:32768:8:1$ZQZt2XVKrjffDfr7$16eca5088952056ea6f8011010cd5488fca6fd61a78e7f3327086fa13bb43c130c0299aee1ea47870e3be1bcd658aed3ea2a7fa9c97731f1a7a36ee9995735a1', 'submitter', 1, '331002', true, 1, NULL, '2026-12-01 21:36:54.635867');


--
-- Name: api_tokens_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.api_tokens_id_seq', 1, true);


--
-- Name: audit_events_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.audit_events_id_seq', 13, true);


--
-- Name: cases_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.cases_id_seq', 4, true);


--
-- Name: documents_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.documents_id_seq', 4, true);


--
-- Name: reviews_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.reviews_id_seq', 2, true);


--
-- Name: tags_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.tags_id_seq', 30, true);


--
-- Name: themes_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.themes_id_seq', 23, true);


--
-- Name: units_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.units_id_seq', 4, true);


--
-- Name: users_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.users_id_seq', 5, true);


--
-- Name: api_tokens api_tokens_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_tokens
    ADD CONSTRAINT api_tokens_pkey PRIMARY KEY (id);


--
-- Name: api_tokens api_tokens_token_hash_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_tokens
    ADD CONSTRAINT api_tokens_token_hash_key UNIQUE (token_hash);


--
-- Name: audit_events audit_events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_events
    ADD CONSTRAINT audit_events_pkey PRIMARY KEY (id);


--
-- Name: case_tags case_tags_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_tags
    ADD CONSTRAINT case_tags_pkey PRIMARY KEY (case_id, tag_id);


--
-- Name: cases cases_case_no_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cases
    ADD CONSTRAINT cases_case_no_key UNIQUE (case_no);


--
-- Name: cases cases_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cases
    ADD CONSTRAINT cases_pkey PRIMARY KEY (id);


--
-- Name: counters counters_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.counters
    ADD CONSTRAINT counters_pkey PRIMARY KEY (name);


--
-- Name: documents documents_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.documents
    ADD CONSTRAINT documents_pkey PRIMARY KEY (id);


--
-- Name: documents documents_sha256_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.documents
    ADD CONSTRAINT documents_sha256_key UNIQUE (sha256);


--
-- Name: meta meta_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.meta
    ADD CONSTRAINT meta_pkey PRIMARY KEY (key);


--
-- Name: regions regions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.regions
    ADD CONSTRAINT regions_pkey PRIMARY KEY (code);


--
-- Name: reviews reviews_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reviews
    ADD CONSTRAINT reviews_pkey PRIMARY KEY (id);


--
-- Name: tags tags_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tags
    ADD CONSTRAINT tags_name_key UNIQUE (name);


--
-- Name: tags tags_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tags
    ADD CONSTRAINT tags_pkey PRIMARY KEY (id);


--
-- Name: themes themes_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.themes
    ADD CONSTRAINT themes_name_key UNIQUE (name);


--
-- Name: themes themes_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.themes
    ADD CONSTRAINT themes_pkey PRIMARY KEY (id);


--
-- Name: units units_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.units
    ADD CONSTRAINT units_pkey PRIMARY KEY (id);


--
-- Name: reviews uq_review_case_user; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reviews
    ADD CONSTRAINT uq_review_case_user UNIQUE (case_id, user_id);


--
-- Name: units uq_unit_name_region; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.units
    ADD CONSTRAINT uq_unit_name_region UNIQUE (name, region_code);


--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);


--
-- Name: users users_username_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_username_key UNIQUE (username);


--
-- Name: ix_api_tokens_user_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_api_tokens_user_id ON public.api_tokens USING btree (user_id);


--
-- Name: ix_audit_events_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_audit_events_at ON public.audit_events USING btree (at);


--
-- Name: ix_audit_object; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_audit_object ON public.audit_events USING btree (object_type, object_id);


--
-- Name: ix_cases_borrowed_from_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_cases_borrowed_from_id ON public.cases USING btree (borrowed_from_id);


--
-- Name: ix_cases_published_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_cases_published_at ON public.cases USING btree (published_at);


--
-- Name: ix_cases_region_code; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_cases_region_code ON public.cases USING btree (region_code);


--
-- Name: ix_cases_theme_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_cases_theme_id ON public.cases USING btree (theme_id);


--
-- Name: ix_documents_case_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_documents_case_id ON public.documents USING btree (case_id);


--
-- Name: ix_regions_parent_code; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_regions_parent_code ON public.regions USING btree (parent_code);


--
-- Name: ix_reviews_case_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_reviews_case_id ON public.reviews USING btree (case_id);


--
-- Name: api_tokens api_tokens_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_tokens
    ADD CONSTRAINT api_tokens_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: audit_events audit_events_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_events
    ADD CONSTRAINT audit_events_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id);


--
-- Name: case_tags case_tags_case_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_tags
    ADD CONSTRAINT case_tags_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.cases(id) ON DELETE CASCADE;


--
-- Name: case_tags case_tags_tag_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_tags
    ADD CONSTRAINT case_tags_tag_id_fkey FOREIGN KEY (tag_id) REFERENCES public.tags(id);


--
-- Name: cases cases_borrowed_from_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cases
    ADD CONSTRAINT cases_borrowed_from_id_fkey FOREIGN KEY (borrowed_from_id) REFERENCES public.cases(id);


--
-- Name: cases cases_created_by_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cases
    ADD CONSTRAINT cases_created_by_id_fkey FOREIGN KEY (created_by_id) REFERENCES public.users(id);


--
-- Name: cases cases_region_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cases
    ADD CONSTRAINT cases_region_code_fkey FOREIGN KEY (region_code) REFERENCES public.regions(code);


--
-- Name: cases cases_theme_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cases
    ADD CONSTRAINT cases_theme_id_fkey FOREIGN KEY (theme_id) REFERENCES public.themes(id);


--
-- Name: cases cases_unit_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cases
    ADD CONSTRAINT cases_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id);


--
-- Name: documents documents_case_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.documents
    ADD CONSTRAINT documents_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.cases(id) ON DELETE CASCADE;


--
-- Name: regions regions_parent_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.regions
    ADD CONSTRAINT regions_parent_code_fkey FOREIGN KEY (parent_code) REFERENCES public.regions(code);


--
-- Name: reviews reviews_case_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reviews
    ADD CONSTRAINT reviews_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.cases(id) ON DELETE CASCADE;


--
-- Name: reviews reviews_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reviews
    ADD CONSTRAINT reviews_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id);


--
-- Name: themes themes_parent_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.themes
    ADD CONSTRAINT themes_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.themes(id);


--
-- Name: units units_region_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.units
    ADD CONSTRAINT units_region_code_fkey FOREIGN KEY (region_code) REFERENCES public.regions(code);


--
-- Name: users users_region_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_region_code_fkey FOREIGN KEY (region_code) REFERENCES public.regions(code);


--
-- Name: users users_unit_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES public.units(id);


--
-- PostgreSQL database dump complete
--

\unrestrict GTN0jcSxMUItG1SZGGS7KoF3XvficCrMf5YibKVXlrEZlTxt7Uq90HVwyEuRZlw

