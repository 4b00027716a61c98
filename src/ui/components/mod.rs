//! One component per file.

pub mod authentik_extra;
pub mod checkbox;
pub mod checks_list;
pub mod copyable_text;
pub mod disclosure;
pub mod environment_block;
pub mod field_group;
pub mod field_messages;
pub mod field_shell;
pub mod fields;
pub mod flow_diagram;
pub mod form;
pub mod heading;
pub mod import_panel;
pub mod more_settings;
pub mod notices;
pub mod output_block;
pub mod outputs_panel;
pub mod select_field;
pub mod set_aside;
pub mod share_bar;
pub mod status_line;
pub mod tabs;
pub mod text_field;
pub mod withheld;
pub mod wizard_view;
