// Unit tests of the size attribution: run by scripts/test.sh with `node --test`.
import assert from "node:assert/strict";
import { test } from "node:test";
import { demangle, owner } from "./wasm-attribution.mjs";

test("legacy and v0 symbols name their crate and path", () => {
  assert.equal(demangle("_ZN14sso_playground6engine5model5Model3new17h0123456789abcdefE"), "sso_playground::engine::model::Model::new");
  assert.equal(demangle("_RNvNtCs1234_14sso_playground6engine6render"), "sso_playground::engine::render");
  assert.equal(owner("_RINvNtNtCsgXGp5Oqx2Ny_4core3fmt5float29float_to_decimal_common_exactdEB6_").crate, "core");
});

test("trait impls belong to the implementing type's crate, unless it is generic or primitive", () => {
  const impl = "_ZN70_$LT$sso_playground..engine..Inputs$u20$as$u20$core..fmt..Debug$GT$3fmt17h0123456789abcdefE";
  assert.deepEqual(owner(impl), { crate: "sso_playground", module: "sso_playground::engine::Inputs" });
  const generic = "_ZN44_$LT$T$u20$as$u20$alloc..string..ToString$GT$9to_string17h0123456789abcdefE";
  assert.equal(owner(generic).crate, "alloc");
  assert.equal(owner("_ZN4core3str21_$LT$impl$u20$str$GT$8contains17h0ff3b15359b8bb54E").crate, "core");
});

test("the project's functions are grouped by module under engine and ui", () => {
  assert.equal(owner("_ZN14sso_playground2ui10components4form4Form17h0123456789abcdefE").module, "sso_playground::ui::components");
  assert.equal(owner("_ZN14sso_playground6engine6import6import17h0123456789abcdefE").module, "sso_playground::engine::import");
});

test("wasm-bindgen's descriptors are left out, its glue counted", () => {
  assert.equal(owner("__wbindgen_describe___wbg_slice_67c3042871095fd1").crate, null);
  assert.equal(owner("__wbindgen_malloc").crate, "wasm_bindgen");
});
