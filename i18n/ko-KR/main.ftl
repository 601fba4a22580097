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
