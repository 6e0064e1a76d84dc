//! LPC (DGD dialect): front end, compiler, interpreter, object model, kfuns.
pub mod kfun;
