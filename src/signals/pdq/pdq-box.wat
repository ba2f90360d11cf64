;; PDQ's Jarosz box passes in WebAssembly SIMD (see pdq.box.ts, which lays out the buffers and drives the passes).
;; Every pass is the reference's box1DFloat run down the columns of a row-major float32 matrix, four columns per
;; f32x4: per column, exactly the reference's float32 operations in the reference's order (adds, then add and
;; subtract, IEEE division by the window count), so the results are bit-identical to the scalar code. Passes along
;; rows run on a transposed matrix. Pointers are byte offsets; matrix widths are multiples of 4.
;; Assembled into pdq-box.wasm.ts by `npm run build:wasm` (wabt); test/pdq/pdq-box.test.ts checks the two agree.
(module
  (memory (export "memory") 1)

  ;; dst[r][c] = src[r][c] as float for r < h, c < w (src: h rows of w bytes; dst row stride `stride` floats, a
  ;; multiple of 4 and ≥ w). Four bytes at a time: up to 3 bytes past a row are read (the caller leaves room at the
  ;; end) and written into the row's padding columns.
  (func (export "u8ToF32") (param $src i32) (param $dst i32) (param $w i32) (param $h i32) (param $stride i32)
    (local $r i32) (local $c i32) (local $s i32) (local $d i32)
    (block $rows_done
      (loop $rows
        (br_if $rows_done (i32.ge_u (local.get $r) (local.get $h)))
        (local.set $s (i32.add (local.get $src) (i32.mul (local.get $r) (local.get $w))))
        (local.set $d (i32.add (local.get $dst) (i32.shl (i32.mul (local.get $r) (local.get $stride)) (i32.const 2))))
        (local.set $c (i32.const 0))
        (block $cols_done
          (loop $cols
            (br_if $cols_done (i32.ge_u (local.get $c) (local.get $w)))
            (v128.store
              (i32.add (local.get $d) (i32.shl (local.get $c) (i32.const 2)))
              (f32x4.convert_i32x4_u
                (i32x4.extend_low_i16x8_u
                  (i16x8.extend_low_i8x16_u
                    (v128.load32_zero (i32.add (local.get $s) (local.get $c)))))))
            (local.set $c (i32.add (local.get $c) (i32.const 4)))
            (br $cols)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rows))))

  ;; dst (cols × rows, stride rows) = transpose of src (rows × cols, stride cols); rows and cols multiples of 4.
  (func (export "transpose") (param $src i32) (param $dst i32) (param $rows i32) (param $cols i32)
    (local $i i32) (local $j i32) (local $p i32) (local $q i32) (local $sb i32) (local $db i32)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $t0 v128) (local $t1 v128) (local $t2 v128) (local $t3 v128)
    (local.set $sb (i32.shl (local.get $cols) (i32.const 2)))
    (local.set $db (i32.shl (local.get $rows) (i32.const 2)))
    (block $i_done
      (loop $i_loop
        (br_if $i_done (i32.ge_u (local.get $i) (local.get $rows)))
        (local.set $j (i32.const 0))
        (block $j_done
          (loop $j_loop
            (br_if $j_done (i32.ge_u (local.get $j) (local.get $cols)))
            ;; source block rows i..i+3, columns j..j+3
            (local.set $p (i32.add (local.get $src)
              (i32.add (i32.mul (local.get $i) (local.get $sb)) (i32.shl (local.get $j) (i32.const 2)))))
            (local.set $a0 (v128.load (local.get $p)))
            (local.set $a1 (v128.load (i32.add (local.get $p) (local.get $sb))))
            (local.set $a2 (v128.load (i32.add (local.get $p) (i32.shl (local.get $sb) (i32.const 1)))))
            (local.set $a3 (v128.load (i32.add (local.get $p) (i32.mul (local.get $sb) (i32.const 3)))))
            ;; t0 = a00 a10 a01 a11, t1 = a02 a12 a03 a13, t2 = a20 a30 a21 a31, t3 = a22 a32 a23 a33
            (local.set $t0 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $a0) (local.get $a1)))
            (local.set $t1 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $a0) (local.get $a1)))
            (local.set $t2 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $a2) (local.get $a3)))
            (local.set $t3 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $a2) (local.get $a3)))
            ;; destination block rows j..j+3, columns i..i+3
            (local.set $q (i32.add (local.get $dst)
              (i32.add (i32.mul (local.get $j) (local.get $db)) (i32.shl (local.get $i) (i32.const 2)))))
            (v128.store (local.get $q)
              (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t0) (local.get $t2)))
            (v128.store (i32.add (local.get $q) (local.get $db))
              (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t0) (local.get $t2)))
            (v128.store (i32.add (local.get $q) (i32.shl (local.get $db) (i32.const 1)))
              (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t1) (local.get $t3)))
            (v128.store (i32.add (local.get $q) (i32.mul (local.get $db) (i32.const 3)))
              (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t1) (local.get $t3)))
            (local.set $j (i32.add (local.get $j) (i32.const 4)))
            (br $j_loop)))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $i_loop))))

  ;; box1DFloat down every column of src (len rows × lanes, stride lanes) into dst, with window `win`; `sums` holds
  ;; lanes floats of scratch and `zero` a row of lanes zeros. Phases as in the reference: accumulate; then write with
  ;; a growing window, slide, write with a shrinking window, as one loop whose rows add `zero` when nothing enters
  ;; the window and subtract it when nothing leaves (exact: no value here is ever -0, so x + 0 = x - 0 = x).
  (func (export "boxCols") (param $src i32) (param $dst i32) (param $sums i32) (param $zero i32) (param $lanes i32) (param $len i32) (param $win i32)
    (local $half i32) (local $p1 i32) (local $p2 i32) (local $p3 i32) (local $rest i32)
    (local $rb i32) (local $ri i32) (local $li i32) (local $oi i32) (local $n i32) (local $k i32) (local $c i32)
    (local $add i32) (local $sub i32) (local $s v128) (local $nv v128)
    (local.set $half (i32.shr_s (i32.add (local.get $win) (i32.const 2)) (i32.const 1)))
    (local.set $p1 (i32.sub (local.get $half) (i32.const 1)))
    (local.set $p2 (i32.add (i32.sub (local.get $win) (local.get $half)) (i32.const 1)))
    (local.set $p3 (i32.add (local.get $p2) (i32.sub (local.get $len) (local.get $win))))
    ;; rows written after phase 1: phases 2, 3 and 4 (half - 1 rows) = len
    (local.set $rest (local.get $len))
    (local.set $rb (i32.shl (local.get $lanes) (i32.const 2)))
    (local.set $ri (local.get $src))
    (local.set $li (local.get $src))
    (local.set $oi (local.get $dst))
    ;; sums = 0
    (local.set $c (i32.const 0))
    (block $z_done
      (loop $z
        (br_if $z_done (i32.ge_u (local.get $c) (local.get $rb)))
        (v128.store (i32.add (local.get $sums) (local.get $c)) (v128.const i32x4 0 0 0 0))
        (local.set $c (i32.add (local.get $c) (i32.const 16)))
        (br $z)))
    ;; phase 1: sums += in[ri]
    (block $ph1_done
      (loop $ph1
        (br_if $ph1_done (i32.ge_s (local.get $k) (local.get $p1)))
        (local.set $c (i32.const 0))
        (block $c1_done
          (loop $c1
            (br_if $c1_done (i32.ge_u (local.get $c) (local.get $rb)))
            (v128.store (i32.add (local.get $sums) (local.get $c))
              (f32x4.add (v128.load (i32.add (local.get $sums) (local.get $c)))
                         (v128.load (i32.add (local.get $ri) (local.get $c)))))
            (local.set $c (i32.add (local.get $c) (i32.const 16)))
            (br $c1)))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (local.set $ri (i32.add (local.get $ri) (local.get $rb)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $ph1)))
    ;; phases 2-4: sums = (sums + in[ri] or 0) - (in[li] or 0); out = sums / n
    (local.set $k (i32.const 0))
    (block $ph_done
      (loop $ph
        (br_if $ph_done (i32.ge_s (local.get $k) (local.get $rest)))
        (local.set $add (local.get $zero))
        (local.set $sub (local.get $zero))
        (if (i32.lt_s (local.get $k) (local.get $p3))
          (then
            (local.set $add (local.get $ri))
            (local.set $ri (i32.add (local.get $ri) (local.get $rb)))))
        (if (i32.lt_s (local.get $k) (local.get $p2))
          (then (local.set $n (i32.add (local.get $n) (i32.const 1))))
          (else
            (local.set $sub (local.get $li))
            (local.set $li (i32.add (local.get $li) (local.get $rb)))
            (if (i32.ge_s (local.get $k) (local.get $p3))
              (then (local.set $n (i32.sub (local.get $n) (i32.const 1)))))))
        (local.set $nv (f32x4.splat (f32.convert_i32_s (local.get $n))))
        (local.set $c (i32.const 0))
        (block $c_done
          (loop $cl
            (br_if $c_done (i32.ge_u (local.get $c) (local.get $rb)))
            (local.set $s (f32x4.sub
              (f32x4.add (v128.load (i32.add (local.get $sums) (local.get $c)))
                         (v128.load (i32.add (local.get $add) (local.get $c))))
              (v128.load (i32.add (local.get $sub) (local.get $c)))))
            (v128.store (i32.add (local.get $sums) (local.get $c)) (local.get $s))
            (v128.store (i32.add (local.get $oi) (local.get $c)) (f32x4.div (local.get $s) (local.get $nv)))
            (local.set $c (i32.add (local.get $c) (i32.const 16)))
            (br $cl)))
        (local.set $oi (i32.add (local.get $oi) (local.get $rb)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $ph))))

  ;; PDQ's 16×64 DCT of the 64×64 samples at $s: $tmp (16×64) = D · S, then $out (16×16) = tmp · Dᵀ, with D (16×64) at
  ;; $d and Dᵀ (64×16) at $dt. Each sum runs over k = 0..63 in order as sum + float(D·x), like the reference; four
  ;; output columns per f32x4.
  (func (export "dct16") (param $s i32) (param $d i32) (param $dt i32) (param $tmp i32) (param $out i32)
    (local $i i32) (local $j i32) (local $k i32) (local $acc v128) (local $row i32)
    ;; tmp[i][j] = Σ_k D[i][k] · S[k][j]
    (block $i1_done
      (loop $i1
        (br_if $i1_done (i32.ge_u (local.get $i) (i32.const 16)))
        (local.set $row (i32.add (local.get $d) (i32.shl (local.get $i) (i32.const 8))))
        (local.set $j (i32.const 0))
        (block $j1_done
          (loop $j1
            (br_if $j1_done (i32.ge_u (local.get $j) (i32.const 256)))
            (local.set $acc (v128.const i32x4 0 0 0 0))
            (local.set $k (i32.const 0))
            (block $k1_done
              (loop $k1
                (br_if $k1_done (i32.ge_u (local.get $k) (i32.const 64)))
                (local.set $acc (f32x4.add (local.get $acc)
                  (f32x4.mul
                    (f32x4.splat (f32.load (i32.add (local.get $row) (i32.shl (local.get $k) (i32.const 2)))))
                    (v128.load (i32.add (local.get $s) (i32.add (i32.shl (local.get $k) (i32.const 8)) (local.get $j)))))))
                (local.set $k (i32.add (local.get $k) (i32.const 1)))
                (br $k1)))
            (v128.store (i32.add (local.get $tmp) (i32.add (i32.shl (local.get $i) (i32.const 8)) (local.get $j))) (local.get $acc))
            (local.set $j (i32.add (local.get $j) (i32.const 16)))
            (br $j1)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $i1)))
    ;; out[i][j] = Σ_k tmp[i][k] · D[j][k] = Σ_k tmp[i][k] · Dᵀ[k][j]
    (local.set $i (i32.const 0))
    (block $i2_done
      (loop $i2
        (br_if $i2_done (i32.ge_u (local.get $i) (i32.const 16)))
        (local.set $row (i32.add (local.get $tmp) (i32.shl (local.get $i) (i32.const 8))))
        (local.set $j (i32.const 0))
        (block $j2_done
          (loop $j2
            (br_if $j2_done (i32.ge_u (local.get $j) (i32.const 64)))
            (local.set $acc (v128.const i32x4 0 0 0 0))
            (local.set $k (i32.const 0))
            (block $k2_done
              (loop $k2
                (br_if $k2_done (i32.ge_u (local.get $k) (i32.const 64)))
                (local.set $acc (f32x4.add (local.get $acc)
                  (f32x4.mul
                    (f32x4.splat (f32.load (i32.add (local.get $row) (i32.shl (local.get $k) (i32.const 2)))))
                    (v128.load (i32.add (local.get $dt) (i32.add (i32.shl (local.get $k) (i32.const 6)) (local.get $j)))))))
                (local.set $k (i32.add (local.get $k) (i32.const 1)))
                (br $k2)))
            (v128.store (i32.add (local.get $out) (i32.add (i32.shl (local.get $i) (i32.const 6)) (local.get $j))) (local.get $acc))
            (local.set $j (i32.add (local.get $j) (i32.const 16)))
            (br $j2)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $i2)))))
