//! A [`KfunCtx`] for unit tests: fixed clock, counter random, a variable
//! table, an optional mudlib root, tick accounting.

use crate::value::{KfunCtx, KfunImpl, KfunRegistry, LStr, LpcError, ObjRef, Value, VarDesc};

pub struct TestCtx {
    pub ticks: u64,
    pub tick_limit: u64,
    pub max_array: usize,
    pub atomic: bool,
    pub root: Option<std::path::PathBuf>,
    pub now: (i64, u32),
    pub rng: u64,
    pub vars: Vec<VarDesc>,
    pub values: Vec<Value>,
    pub dead: Vec<ObjRef>,
}

impl TestCtx {
    pub fn new() -> TestCtx {
        TestCtx {
            ticks: 0,
            tick_limit: u64::MAX,
            max_array: 1000,
            atomic: false,
            root: None,
            now: (744_388_818, 250),
            rng: 0x9e37_79b9_7f4a_7c15,
            vars: Vec::new(),
            values: Vec::new(),
            dead: Vec::new(),
        }
    }

    /// Calls library kfun `name` as registered by `kfun::register_all`
    /// (the VM may override some of them with its own).
    pub fn call(&mut self, name: &str, mut args: Vec<Value>) -> Result<Value, LpcError> {
        let mut reg = KfunRegistry::prototypes();
        super::register_all(&mut reg);
        let (idx, _) = reg.lookup(name).expect("kfun has a prototype");
        match reg.get(idx).map(|e| e.imp) {
            Some(KfunImpl::Lib(f)) => f(self, &mut args),
            other => panic!("{name} is not a library kfun: {other:?}"),
        }
    }
}

impl KfunCtx for TestCtx {
    fn is_live(&self, o: ObjRef) -> bool {
        !self.dead.contains(&o)
    }
    fn charge(&mut self, ticks: u64) -> Result<(), LpcError> {
        self.ticks += ticks;
        if self.ticks > self.tick_limit {
            return Err(LpcError::new("Out of ticks"));
        }
        Ok(())
    }
    fn max_array_size(&self) -> usize {
        self.max_array
    }
    fn in_atomic(&self) -> bool {
        self.atomic
    }
    fn mudlib_root(&self) -> Option<std::path::PathBuf> {
        self.root.clone()
    }
    fn time(&self) -> (i64, u32) {
        self.now
    }
    fn random_u64(&mut self) -> u64 {
        // xorshift64
        self.rng ^= self.rng << 13;
        self.rng ^= self.rng >> 7;
        self.rng ^= self.rng << 17;
        self.rng
    }
    fn this_object(&self) -> Option<ObjRef> {
        Some(ObjRef { index: 1, count: 1 })
    }
    fn object_variables(&self) -> Vec<VarDesc> {
        self.vars.clone()
    }
    fn get_variable(&self, i: usize) -> Value {
        self.values.get(i).cloned().unwrap_or(Value::Nil)
    }
    fn set_variable(&mut self, i: usize, v: Value) {
        if let Some(slot) = self.values.get_mut(i) {
            *slot = v;
        }
    }
    fn object_name(&self, o: ObjRef) -> Option<LStr> {
        self.is_live(o)
            .then(|| LStr::from(format!("/obj#{}", o.index)))
    }
}
