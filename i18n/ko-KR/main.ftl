# Korean (ko-KR) messages of bai-settings. Every id here must also exist in en-US/main.ftl.

app-title = Backend.AI 설정

## Sidebar and top bar

sidebar-collapse = 사이드바 접기
sidebar-expand = 사이드바 펼치기
nav-general = 일반
nav-settings = 설정
account-menu = 계정
menu-preferences = 환경 설정
menu-about = 정보

## General page

page-general-title = 일반
option-desktop-notification = 데스크톱 알림
option-desktop-notification-description = 완료 및 오류 메시지를 데스크톱 알림으로도 표시합니다.
option-desktop-notification-checking = 알림 서비스를 확인하는 중…
option-compact-sidebar = 기본으로 좁은 사이드바 사용
option-compact-sidebar-description = 아이콘만 보이는 좁은 사이드바로 시작합니다.
option-language = 언어
option-language-description = 이 창의 언어입니다. OS 기본값은 시스템 로캘을 따릅니다.
language-os = OS 기본값
language-override-note = 이번 실행에만 --lang 옵션으로 { $language }(으)로 설정되었습니다.
settings-file-location = 설정 파일: { $path }

## Desktop notifications

notification-enabled = 데스크톱 알림이 켜졌습니다.
notification-no-bus = 데스크톱 알림을 보낼 수 없습니다: D-Bus 세션 버스가 없습니다. 데스크톱 세션(또는 dbus-daemon --session)을 시작한 뒤 옵션을 다시 켜 주세요. 자세한 내용: { $detail }
notification-no-service = 데스크톱 알림을 보낼 수 없습니다: D-Bus 세션 버스에서 알림 서비스가 실행되고 있지 않습니다. 알림 서비스(예: dunst)를 시작한 뒤 옵션을 다시 켜 주세요. 자세한 내용: { $detail }
notification-switched-off = 알림을 표시하지 못해 데스크톱 알림을 껐습니다.

## Settings file

settings-corrupt = { $path } 파일은 올바른 설정 파일이 아닙니다({ $error }). 기본 설정으로 시작했으며 이전 파일은 { $backup }에 보관했습니다.
settings-field-invalid = { $path }의 { $key } = { $found } 값이 올바르지 않아({ $expected } 필요) 기본값을 사용합니다.
settings-read-failed = { $path } 파일을 읽을 수 없습니다: { $error }. 지금은 기본 설정을 사용합니다.
settings-save-failed = 설정을 { $path }에 저장하지 못했습니다: { $error }. 변경 사항은 앱을 닫을 때까지 적용됩니다.
expected-bool = true 또는 false
expected-string = 문자열
expected-number = 숫자
expected-table = 테이블

## Notification area

toast-dismiss = 닫기

## About dialog

about-title = Backend.AI 설정 정보
about-version = 버전 { $version }
about-settings-file = 설정 파일
about-font = 한글 글꼴
about-font-text = NAVER Corporation의 나눔고딕을 줄인 Bai Hangul 글꼴이며 SIL Open Font License 1.1을 따릅니다.
about-font-license = 글꼴 라이선스
about-libraries = 라이브러리
about-libraries-text = egui와 eframe, Fluent, toml_edit, clap, notify-rust, directories 및 기타 Rust 크레이트로 만들었으며 각각 MIT 또는 Apache-2.0 라이선스를 따릅니다. 전체 목록은 Cargo.lock에 있습니다.
dialog-close = 닫기
dialog-cancel = 취소

## Backend.AI connection

connection-title = Backend.AI 서버
connection-signed-out = 로그인하지 않았습니다. API 키 쌍이나 이메일과 비밀번호로 로그인하세요.
connection-connecting = { $endpoint }에 연결하는 중…
connection-signed-in = { $endpoint }에 { $identity }(으)로 로그인했습니다.
connection-details = 자격 증명 출처: { $source } · 매니저 { $manager } · API { $api }
connection-failed = { $source }의 자격 증명으로 { $endpoint }에 로그인하지 못했습니다.
connection-tls-unverified = TLS 인증서를 검증하지 않습니다(BACKEND_SKIP_SSLCERT_VALIDATION 설정됨). 서버와의 사이에 있는 누구나 요청을 읽을 수 있습니다.
source-environment = 환경 변수
source-cli-files = ~/.backend.ai의 Backend.AI CLI 파일
source-sign-in-dialog = 이 앱의 로그인 대화 상자
sign-in-button = 로그인…
sign-out-button = 로그아웃
sign-out-external-note = 여기서 로그아웃하면 이번 실행의 연결만 끊깁니다. 환경 변수나 CLI 파일은 그대로 남습니다.
menu-connecting = 연결하는 중…
menu-not-signed-in = 로그인하지 않음
signed-in = { $identity }(으)로 로그인했습니다.
signed-out = 로그아웃했습니다.
signed-out-locally = 이 앱에서는 로그아웃했지만, 서버에 웹 세션 종료를 알리지 못했습니다.
api-worker-busy = 앱이 아직 서버의 응답을 기다리고 있습니다. 현재 요청이 끝난 뒤 다시 시도하세요.

## Sign-in dialog

sign-in-title = Backend.AI에 로그인
sign-in-endpoint = 엔드포인트
sign-in-mode = 로그인 방식
sign-in-mode-api = API 키 쌍
sign-in-mode-session = 이메일과 비밀번호
sign-in-access-key = 액세스 키
sign-in-secret-key = 시크릿 키
sign-in-email = 이메일
sign-in-password = 비밀번호
sign-in-otp = 일회용 비밀번호
sign-in-test = 연결 테스트
sign-in-submit = 로그인
sign-in-testing = 연결을 테스트하는 중…
sign-in-signing-in = 로그인하는 중…
sign-in-test-ok = 서버가 응답했습니다: 매니저 { $manager }, API { $api }.
sign-in-missing-endpoint = 엔드포인트를 입력하세요. 예: https://backend.example.com
sign-in-invalid-endpoint = 엔드포인트는 http:// 또는 https://로 시작하는 URL이어야 합니다. 예: https://backend.example.com, http://10.0.0.5:8090
sign-in-missing-access-key = 액세스 키를 입력하세요.
sign-in-missing-secret-key = 시크릿 키를 입력하세요.
sign-in-missing-email = 이메일 주소를 입력하세요.
sign-in-missing-password = 비밀번호를 입력하세요.
sign-in-missing-otp = 인증 앱의 일회용 비밀번호를 입력하세요.

## Server errors

api-error-invalid-endpoint = 엔드포인트 { $endpoint }이(가) 올바르지 않습니다: { $reason }.
api-error-unreachable = { $url }에 연결할 수 없습니다({ $detail }). 엔드포인트와 네트워크, 서버 실행 여부를 확인하세요.
api-error-timeout = { $url }이(가) { $seconds }초 안에 응답하지 않았습니다. 서버가 바쁠 수 있으니 나중에 다시 시도하거나 BACKEND_READ_TIMEOUT 값을 늘리세요.
api-error-tls = { $url }과(와)의 보안 연결에 실패했습니다({ $detail }). 엔드포인트의 인증서를 확인하세요. 테스트 서버라면 BACKEND_SKIP_SSLCERT_VALIDATION=1을 설정할 수 있습니다.
api-error-auth-failed = 서버가 자격 증명을 거부했습니다: 시크릿 키(또는 비밀번호)가 틀렸습니다. 확인한 뒤 다시 로그인하세요.
api-error-unknown-access-key = 서버가 이 액세스 키를 모릅니다. 키를 확인하거나, 삭제 또는 비활성화되었는지 관리자에게 문의하세요.
api-error-clock-skew = 컴퓨터 시계가 서버 시계와 { $minutes }분 차이 납니다. 서버는 15분까지만 허용합니다. 시계를 맞추고(자동 시간 설정 켜기) 다시 시도하세요.
api-error-clock-skew-unknown = 컴퓨터 시계가 서버 시계와 15분 넘게 차이 납니다. 시계를 맞추고(자동 시간 설정 켜기) 다시 시도하세요.
api-error-unsupported-version = 서버(매니저 { $server })가 이 앱에 필요한 API 버전 { $version }을(를) 지원하지 않습니다. 서버에 맞는 bai-settings 버전을 관리자에게 문의하세요.
api-error-too-many-requests = 시도 횟수가 너무 많습니다. 몇 분 기다린 뒤 다시 시도하세요(로그인 시도는 최대 20분 동안 막힙니다).
api-error-session-expired = 웹 세션이 끝났습니다. 다시 로그인하세요.
api-error-login-failed = 로그인하지 못했습니다: { $details } 이메일과 비밀번호를 확인하세요.
api-error-otp-required = 이 계정은 2단계 인증을 사용합니다. 인증 앱의 일회용 비밀번호를 입력하세요.
api-error-problem = 서버가 HTTP { $status } 응답을 보냈습니다: { $summary }
api-error-http = 서버가 설명 없이 HTTP { $status } 응답을 보냈습니다: { $excerpt }
api-error-response-too-large = { $url }의 응답이 { $limit } MiB보다 커서 읽지 않았습니다.
api-error-invalid-response = 서버의 응답을 읽을 수 없습니다({ $url }): { $detail }
