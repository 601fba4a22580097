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
language-override-note = 언어: { $language } (이번 실행에만 --lang 옵션으로 지정됨)
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
expected-integer = 정수

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
about-libraries-text = egui와 eframe, Fluent, toml_edit, clap, notify-rust, directories 및 기타 Rust 크레이트로 만들었으며 각각 MIT 또는 Apache-2.0 라이선스를 따릅니다. 전체 목록은 앱 소스의 Cargo.lock 파일에 있습니다.
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

## Logs page

nav-logs = 로그
option-request-log-size = 요청 기록 크기
option-request-log-size-description = 로그 페이지가 최근 요청부터 몇 개를 보관할지 정합니다(최소 100).
logs-search = 검색
logs-errors-only = 오류만
logs-count = 요청 { $stored }개 중 { $shown }개 표시
logs-cap = (최근 요청 { $max }개 보관)
logs-refresh = 새로 고침
logs-export = 내보내기…
logs-clear = 로그 지우기
logs-loading = 요청 기록을 읽는 중…
logs-empty = 아직 요청이 없습니다. 이 앱이 Backend.AI 서버로 보내는 모든 요청이 여기에 표시됩니다.
logs-no-match = 검색어와 필터에 맞는 요청이 없습니다.
logs-corrupt-lines = 로그 파일에서 손상된 { $count }줄을 읽지 못해 건너뛰었습니다.
logs-column-time = 시각
logs-column-status = 상태
logs-column-method = 메서드
logs-column-url = 요청 URL
logs-column-error-title = 오류
logs-column-error-message = 메시지
logs-column-duration = 소요 시간
logs-no-response = 응답 없음
logs-details = 요청 상세 정보
logs-copy-as-text = 텍스트로 복사
logs-close-details = 닫기
logs-refresh-nothing-new = 새 요청이 없습니다. 로그를 읽은 뒤로 앱의 다른 창에서 보낸 요청이 없습니다.
logs-read-failed = 요청 기록을 읽을 수 없습니다: { $error }
logs-cleared = 요청 기록을 비웠습니다.
logs-clear-failed = 요청 기록을 지울 수 없습니다: { $error }
logs-exported = 표시된 요청을 { $path }에 저장했습니다.
logs-export-failed = 요청을 내보낼 수 없습니다: { $error }
logs-worker-busy = 요청 기록이 아직 이전 작업을 처리하고 있습니다. 잠시 뒤 다시 시도하세요.
logs-clear-title = 요청 기록을 지울까요?
logs-clear-question = 요청 { $count }개가 앱의 모든 창에서 삭제됩니다. 되돌릴 수 없습니다.
logs-clear-confirm = 로그 지우기
api-error-not-signed-in = Backend.AI 서버에 로그인하지 않았습니다. 먼저 로그인하세요(사람 메뉴 → 로그인…).

## Account rows on the General page

needs-sign-in = 먼저 Backend.AI 서버에 로그인하세요.
option-ssh-keypair = SSH 키 쌍 관리
option-ssh-keypair-description = 컴퓨트 세션이 SSH 연결에 받아들이는 키 쌍입니다.
option-ssh-keypair-button = 관리…
option-dotfiles = 사용자 설정 스크립트
option-dotfiles-description = 새 컴퓨트 세션마다 기록되는 .bashrc 같은 도트파일입니다.
option-dotfiles-button = 사용자 설정 스크립트 편집…
option-bootstrap = 부트스트랩 스크립트
option-bootstrap-description = 컴퓨트 세션이 시작될 때 한 번 실행되는 스크립트입니다.
option-bootstrap-button = 부트스트랩 스크립트 편집…

## SSH keypair dialog

ssh-title = SSH 키 쌍
ssh-loading = 저장된 키 쌍을 불러오는 중…
ssh-no-keypair = 아직 키 쌍이 없습니다. 새로 만들거나 직접 입력하세요.
ssh-public-key = 공개 키
ssh-private-key = 개인 키
ssh-key-type = 유형: { $type }
ssh-copy-public = 복사
ssh-copy-private = 개인 키 복사
ssh-generate = 생성…
ssh-enter-manually = 직접 입력…
ssh-confirm-replace = 새 키 쌍이 지금 저장된 키 쌍(지문 { $fingerprint })을 대체합니다.
ssh-confirm-new = 새 키 쌍을 계정에 저장합니다.
ssh-manual-replaces = 올리는 키 쌍이 지금 저장된 키 쌍(지문 { $fingerprint })을 대체합니다.
ssh-confirm-later-sessions = 지금부터 시작하는 컴퓨트 세션은 새 키를 쓰고, 실행 중인 세션은 이전 키를 그대로 씁니다.
ssh-continue = 계속
ssh-where = 키 쌍을 어디에서 만들까요?
ssh-where-server = 서버에서(RSA 2048, 모든 서버 버전에서 동작)
ssh-where-local = 이 컴퓨터에서 만든 뒤 업로드
ssh-algorithm-ed25519 = Ed25519(권장)
ssh-algorithm-rsa4096 = RSA 4096
ssh-generate-now = 생성
ssh-generating = 키 쌍을 만드는 중…
ssh-upload = 확인 후 업로드
ssh-private-key-once = 지금 개인 키를 보관하세요. 이번 한 번만 표시되며 나중에 다시 볼 수 없습니다.
ssh-save-path = 저장 위치
ssh-choose-file = 선택…
ssh-save-private = 개인 키 저장…
ssh-saved-to = { $path }에 저장했습니다(본인만 읽을 수 있음).
ssh-confirm-overwrite = { $path } 파일이 이미 있습니다. 바꿀까요?
ssh-overwrite = 바꾸기
ssh-save-failed = 개인 키를 { $path }에 저장하지 못했습니다: { $error }
ssh-confirm-close = 개인 키를 복사하지도 저장하지도 않았으며, 다시 볼 수 없습니다. 그래도 닫을까요?
ssh-close-anyway = 그래도 닫기
ssh-keep-open = 대화 상자 유지
ssh-private-key-saved = 개인 키를 { $path }에 저장했습니다.
ssh-keypair-replaced = SSH 키 쌍을 바꿨습니다. 새 컴퓨트 세션은 새 키를 씁니다.
ssh-key-invalid-public = 공개 키가 올바르지 않습니다({ $reason }). "ssh-ed25519 AAAA… user@host" 같은 한 줄을 붙여 넣으세요.
ssh-key-ecdsa-pem = PEM 형식의 ECDSA 개인 키는 지원하지 않습니다. "ssh-keygen -p -f 파일"로 OpenSSH 형식으로 바꾼 뒤 다시 붙여 넣으세요.
ssh-key-invalid-private = 개인 키가 올바르지 않습니다({ $reason }). BEGIN 줄부터 END 줄까지 키 전체를 붙여 넣으세요.
ssh-key-encrypted = 개인 키가 암호로 보호되어 있습니다. 먼저 암호를 없앤 뒤(ssh-keygen -p -f FILE) 다시 붙여 넣으세요.
ssh-key-mismatch = 공개 키가 개인 키와 짝이 아닙니다. 같은 키 쌍의 두 키를 붙여 넣으세요.
ssh-key-generation-failed = 키 쌍을 만들지 못했습니다: { $reason }
ssh-server-invalid-private = 서버가 개인 키를 올바르지 않다며 거부했습니다.
ssh-server-invalid-public = 서버가 공개 키를 올바르지 않다며 거부했습니다.
ssh-server-mismatch = 서버가 공개 키와 개인 키가 짝이 아니라고 판단했습니다.

## Script editor

scripts-title-dotfiles = 사용자 설정 스크립트
scripts-title-bootstrap = 부트스트랩 스크립트
scripts-bootstrap-description = 컴퓨트 세션이 시작될 때 한 번 실행됩니다. 앞뒤의 빈 줄과 공백은 서버가 지웁니다.
scripts-bootstrap-name = 부트스트랩 스크립트
scripts-file = 파일
scripts-new-file = 새 파일
scripts-other-path = 다른 경로
scripts-open = 열기
scripts-loading = 서버에서 불러오는 중…
scripts-editor = 스크립트 내용
scripts-size = { $max }자 중 { $chars }자
scripts-space-left = 모든 도트파일이 함께 쓰는 64 KiB 중 { $bytes }바이트 남음(파일 { $count }개 저장됨)
scripts-unsaved = 저장하지 않은 변경 사항
scripts-save = 저장
scripts-save-close = 저장 후 닫기
scripts-delete = 삭제
scripts-discard = 버리기
scripts-saving = 저장하는 중…
scripts-deleting = 삭제하는 중…
scripts-applies-later = 변경 사항은 지금부터 시작하는 컴퓨트 세션에 적용됩니다.
scripts-saved = { $path }을(를) 저장했습니다. 지금부터 시작하는 컴퓨트 세션에 적용됩니다.
scripts-saved-after-retry = 다른 클라이언트가 그사이 { $path }을(를) 바꿔서 다른 방법으로 다시 저장했습니다. 지금부터 시작하는 컴퓨트 세션에 적용됩니다.
scripts-bootstrap-saved = 부트스트랩 스크립트를 저장했습니다. 지금부터 시작하는 컴퓨트 세션이 실행합니다.
scripts-bootstrap-deleted = 부트스트랩 스크립트를 삭제했습니다. 지금부터 시작하는 컴퓨트 세션은 아무것도 실행하지 않습니다.
scripts-deleted = { $path }을(를) 삭제했습니다. 지금부터 시작하는 컴퓨트 세션에는 들어가지 않습니다.
scripts-newline-added = 부트스트랩 스크립트가 이 파일에 덧붙이는 줄이 마지막 줄과 합쳐지지 않도록 끝에 줄 바꿈을 추가했습니다.
scripts-unsaved-question = { $name }에 저장하지 않은 변경 사항이 있습니다. 저장할까요?
scripts-delete-question = 서버에서 { $name }을(를) 삭제할까요? 지금부터 시작하는 컴퓨트 세션에는 들어가지 않습니다.
scripts-delete-bootstrap-question = 부트스트랩 스크립트를 삭제할까요? 지금부터 시작하는 컴퓨트 세션은 아무것도 실행하지 않습니다.
scripts-empty-offer-delete = 서버는 빈 파일을 저장할 수 없습니다. 대신 { $name }을(를) 삭제할까요?
scripts-empty-not-on-server = 서버는 빈 파일을 저장할 수 없고, { $path } 파일은 아직 서버에 없습니다. 내용을 입력하거나 다른 파일을 고르세요.
scripts-empty = 서버는 빈 파일을 저장할 수 없습니다.
scripts-too-long = 내용이 { $chars }자입니다. 서버는 최대 { $max }자까지 받습니다. 저장하기 전에 줄이세요.
scripts-too-long-with-newline = 모든 도트파일 끝에 붙는 줄 바꿈까지 더하면 내용이 { $chars }자입니다. 서버는 최대 { $max }자까지 받습니다. 저장하기 전에 줄이세요.
scripts-no-space = 도트파일 전체가 { $needed }바이트가 되어, 액세스 키마다 서버가 보관하는 { $max }바이트를 넘습니다. 먼저 도트파일을 줄이거나 삭제하세요.
scripts-too-many = 서버가 보관하는 최대 개수인 { $max }개의 도트파일이 있습니다. 새로 만들기 전에 하나를 삭제하세요.
scripts-path-blank = .config/starship.toml 같은 경로를 입력하세요.
scripts-path-reserved = Backend.AI가 자체 파일용으로 예약한 경로입니다. 다른 경로를 고르세요.
scripts-path-parent = 경로에 ".."가 들어가면 안 됩니다. 홈 디렉터리 안의 경로를 입력하세요.

## Update check and auto logout

option-update-check = 자동 업데이트 확인
option-update-check-description = 시작할 때와 하루에 한 번 이 앱의 새 릴리스가 있는지 확인합니다.
update-check-now = 지금 확인
update-checking = 새 릴리스를 확인하는 중…
update-never-checked = 아직 확인하지 않았습니다.
update-up-to-date = { $time }에 확인: 최신 버전입니다.
update-newer = { $time }에 확인: 버전 { $version }을(를) 받을 수 있습니다.
update-failed = 마지막 확인 실패({ $time }): { $reason }
update-now-up-to-date = 최신 버전의 Backend.AI 설정을 쓰고 있습니다.
update-now-failed = 업데이트 확인에 실패했습니다: { $reason }.
update-failed-unreachable = 릴리스 피드에 연결할 수 없습니다({ $detail })
update-failed-timeout = 릴리스 피드가 제때 응답하지 않았습니다
update-failed-http = 릴리스 피드가 HTTP { $status } 응답을 보냈습니다
update-failed-malformed = 릴리스 피드를 읽을 수 없습니다({ $detail })
update-available-title = 새 버전이 있습니다
update-available-text = Backend.AI 설정의 버전 { $version }을(를) 받을 수 있습니다. 지금 버전은 { $current }입니다.
update-open-page = 릴리스 페이지 열기
update-remind-later = 나중에 알림
update-skip-version = 이 버전 건너뛰기
option-auto-logout = 자동 로그아웃
option-auto-logout-description = 이 앱의 마지막 창을 닫으면 로그아웃합니다. 웹 세션 로그인은 서버에서 끝내고 쿠키를 지우며, 이 앱의 로그인 대화 상자가 저장한 자격 증명은 삭제합니다. 환경 변수와 Backend.AI CLI 파일은 절대 바꾸지 않습니다.
auto-logout-completed = 앱이 지난번에 로그아웃을 마치기 전에 닫혀서 자동으로 로그아웃했습니다.
logs-export-title = 요청 내보내기
logs-export-question = 지금 표시된 요청 { $count }개를 JSON 파일로 저장합니다.
logs-export-path = 파일
logs-export-confirm = 내보내기
file-chooser-unavailable = 이 데스크톱에서는 파일 선택 창을 열 수 없습니다. 대신 입력란에 파일 경로를 입력하세요.
copied = 클립보드에 복사했습니다.
logs-field-time = 시각(UTC)
logs-field-request = 요청
logs-field-error-type = 오류 유형
logs-field-parameters = 매개변수
